using Microsoft.Extensions.Options;
using NSubstitute;
using OrderPlatform.Application.Common.Behaviours;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// The handler with substituted ports: the buyer 1000 (active, no parent), the demo catalogue of
/// <see cref="World"/>, stock for everything, the next order id 46, and the default options.
/// </summary>
internal sealed class HandlerHarness
{
    private readonly Dictionary<long, CatalogProduct> _products = new()
    {
        [World.Plain.Id] = World.Plain,
        [World.Shirt.Id] = World.Shirt,
        [World.Socks.Id] = World.Socks,
        [World.Pen.Id] = World.Pen,
        [World.OtherStoreMug.Id] = World.OtherStoreMug,
    };

    public HandlerHarness()
    {
        GivenUser(World.Buyer);
        Catalog.FindPublishedAsync(Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var ids = call.Arg<IReadOnlyCollection<long>>();
                return (IReadOnlyDictionary<long, CatalogProduct>)_products
                    .Where(product => ids.Contains(product.Key))
                    .ToDictionary(product => product.Key, product => product.Value);
            });
        Stock.TryReserveAsync(default, default, default, default).ReturnsForAnyArgs(true);
        Orders.NextIdAsync(default).ReturnsForAnyArgs(new OrderId(World.OrderIdValue));
        Orders.When(o => o.AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>()))
            .Do(call => AddedOrder = call.Arg<Order>());
    }

    public IUserDirectory Users { get; } = Substitute.For<IUserDirectory>();

    public ICatalog Catalog { get; } = Substitute.For<ICatalog>();

    public IStockLedger Stock { get; } = Substitute.For<IStockLedger>();

    public IAddressBook AddressBook { get; } = Substitute.For<IAddressBook>();

    public IOrderRepository Orders { get; } = Substitute.For<IOrderRepository>();

    public ICouponBook Coupons { get; } = Substitute.For<ICouponBook>();

    public ICart Cart { get; } = Substitute.For<ICart>();

    public OrderOptions OrderOptions { get; } = new();

    public RetailerOptions RetailerOptions { get; } = new();

    /// <summary>The order handed to <see cref="IOrderRepository.AddAsync"/>, if any.</summary>
    public Order? AddedOrder { get; private set; }

    public void GivenUser(UserAccount user) =>
        Users.FindUserAsync(user.Id, Arg.Any<CancellationToken>()).Returns(user);

    public void GivenProduct(CatalogProduct product) => _products[product.Id] = product;

    public void GivenGroup(UserGroup group) =>
        Users.FindGroupAsync(group.Id, Arg.Any<CancellationToken>()).Returns(group);

    public void GivenOutOfStock(long goodsId, long? skuId) =>
        Stock.TryReserveAsync(goodsId, skuId, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(false);

    /// <summary>Sends the command as the pipeline would past validation: the buyer check (R9, R10), then the handler.</summary>
    public Task<Result<OrderDto>> SendAsync(CreateOrderCommand command)
    {
        var buyer = new CurrentBuyer();
        var handler = new CreateOrderCommandHandler(
            Users,
            Catalog,
            Stock,
            AddressBook,
            Coupons,
            Cart,
            Orders,
            World.Mapper,
            new FixedClock(World.Now),
            Options.Create(OrderOptions),
            Options.Create(RetailerOptions),
            buyer);
        return new BuyerAccessBehaviour<CreateOrderCommand, Result<OrderDto>>(Users, buyer)
            .Handle(command, CancellationToken.None, () => handler.Handle(command, CancellationToken.None));
    }
}
