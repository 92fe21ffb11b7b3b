using AutoMapper;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// Places the order: who buys (R9, R10), what (R14-R25, R44-R45), at which prices (R19, R32-R36),
/// shipped where (R28-R31), credited to whom (R46-R50); then takes the stock (R26) and stores it.
/// Runs inside the command's transaction, so a refusal at any step writes nothing.
/// </summary>
internal sealed partial class CreateOrderCommandHandler(
    IUserDirectory users,
    ICatalog catalog,
    IStockLedger stock,
    IAddressBook addressBook,
    IOrderRepository orders,
    IMapper mapper,
    TimeProvider clock,
    IOptions<OrderOptions> orderOptions,
    IOptions<RetailerOptions> retailerOptions,
    ILogger<CreateOrderCommandHandler> logger)
    : IRequestHandler<CreateOrderCommand, Result<OrderDto>>
{
    private readonly OrderOptions _options = orderOptions.Value;

    public async Task<Result<OrderDto>> Handle(CreateOrderCommand request, CancellationToken cancellationToken)
    {
        var buyer = await users.FindUserAsync(request.BuyerId, cancellationToken);
        if (buyer is null)
        {
            return Error.Of(ErrorCode.NotLoggedIn);
        }

        if (!buyer.IsActive)
        {
            return Error.Of(ErrorCode.NotAuthorized);
        }

        var type = OrderTypeNames.Parse(request.Type);
        var parent = buyer.ParentId > 0 ? await users.FindUserAsync(buyer.ParentId, cancellationToken) : null;
        var currency = Currency.Of(_options.Currency);
        var referral = ReferralDiscount.For(parent);
        var requested = RequestedLine.From(request);
        var pricing = new LinePricing(catalog, users);
        var priced = type == OrderType.Vip
            ? await pricing.PriceMembershipAsync(requested[0], referral, currency, cancellationToken)
            : await pricing.PriceGoodsAsync(requested, referral, currency, cancellationToken);
        if (priced.Error is { } pricingError)
        {
            return pricingError;
        }

        var (shipTo, addressError) = await new ShippingAddressResolver(addressBook).ResolveAsync(buyer.Id, request.Address, cancellationToken);
        if (addressError is not null)
        {
            return addressError;
        }

        var earnings = await new PromoterRules(users, retailerOptions.Value)
            .EarningsForAsync(buyer, parent, _options.SellerPercent, cancellationToken);
        var placement = new OrderPlacement
        {
            Id = await orders.NextIdAsync(cancellationToken),
            BuyerId = buyer.Id,
            Type = type,
            Remark = request.Remark,
            FallbackRemark = priced.Value![0].Snapshot.ProductTitle,
            PlacedAt = clock.GetUtcNow(),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone),
            PaymentWindow = _options.AutoCloseMinutes > 0 ? TimeSpan.FromMinutes(_options.AutoCloseMinutes) : null,
            Currency = currency,
            MaxLines = _options.MaxLines,
            MaxQuantityPerLine = _options.MaxQuantityPerLine,
            ShipTo = shipTo,
            Earnings = earnings,
        };

        var placed = Order.Place(placement, priced.Value);
        if (!placed.IsSuccess)
        {
            return placed.Error!.ToError();
        }

        var order = placed.Value;
        if (type == OrderType.Goods && await ReserveStockAsync(order, requested, cancellationToken) is { } shortage)
        {
            return shortage;
        }

        await orders.AddAsync(order, cancellationToken);
        LogPlaced(order.Number, buyer.Id, order.Lines.Count);
        return mapper.Map<OrderDto>(order);
    }

    /// <summary>R26: one conditional decrement per line; the first short line refuses the whole order.</summary>
    private async Task<Error?> ReserveStockAsync(Order order, IReadOnlyList<RequestedLine> requested, CancellationToken cancellationToken)
    {
        foreach (var line in order.Lines)
        {
            if (!await stock.TryReserveAsync(line.GoodsId, line.SkuId, line.Quantity, cancellationToken))
            {
                var source = requested.First(r => r.GoodsId == line.GoodsId);
                return Error.Of(ErrorCode.InsufficientStock, source.FieldOf("quantity"))
                    .With("goods_id", line.GoodsId)
                    .With("sku_id", line.SkuId ?? 0);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Placed order {OrderNumber} for user {UserId} with {LineCount} lines")]
    private partial void LogPlaced(string orderNumber, long userId, int lineCount);
}
