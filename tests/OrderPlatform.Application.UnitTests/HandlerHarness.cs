using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
/// The handler as <c>AddApplication()</c> wires it, with its collaborators, and substituted ports:
/// the buyer 1000 (active, no parent) signed in, the demo catalogue of <see cref="World"/>, stock for
/// everything, the next order id 46, the default options, and a unit of work that only runs the steps
/// (it does not run a command again when its write step finds a read out of date).
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
        AddressBook.UpdateAsync(default, default, default!, default).ReturnsForAnyArgs(true);
        AddressBook.KeepAsync(default, default, default).ReturnsForAnyArgs(true);
        Orders.NextIdAsync(default, default).ReturnsForAnyArgs((OrderId?)new OrderId(World.OrderIdValue));
        Orders.When(o => o.AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>())).Do(call => AddedOrder = call.Arg<Order>());
    }

    public IUserDirectory Users { get; } = Substitute.For<IUserDirectory>();

    public ICatalog Catalog { get; } = Substitute.For<ICatalog>();

    public IStockLedger Stock { get; } = Substitute.For<IStockLedger>();

    public IAddressBook AddressBook { get; } = Substitute.For<IAddressBook>();

    public IOrderRepository Orders { get; } = Substitute.For<IOrderRepository>();

    public ICouponBook Coupons { get; } = Substitute.For<ICouponBook>();

    public ICart Cart { get; } = Substitute.For<ICart>();

    public InMemoryIdempotencyRecords IdempotencyRecords { get; } = new();

    public StepRecordingUnitOfWork UnitOfWork { get; } = new();

    public OrderOptions OrderOptions { get; } = new();

    public RetailerOptions RetailerOptions { get; } = new();

    /// <summary>The user the token names (R12).</summary>
    public long CurrentUserId { get; set; } = World.BuyerId;

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
    public async Task<Result<OrderDto>> SendAsync(CreateOrderCommand command)
    {
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddApplication(new ConfigurationBuilder().Build())
            .AddSingleton(Options.Create(OrderOptions))
            .AddSingleton(Options.Create(RetailerOptions))
            .AddSingleton<ICurrentUser>(new SignedIn(CurrentUserId))
            .AddSingleton<TimeProvider>(new FixedClock(World.Now))
            .AddSingleton(Users)
            .AddSingleton(Catalog)
            .AddSingleton(Stock)
            .AddSingleton(AddressBook)
            .AddSingleton(Orders)
            .AddSingleton(Coupons)
            .AddSingleton(Cart)
            .AddSingleton<IIdempotencyRecords>(IdempotencyRecords)
            .AddSingleton<IUnitOfWork>(UnitOfWork)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<IRequestHandler<CreateOrderCommand, Result<PlacedOrder>>>();
        var placed = await new BuyerAccessBehaviour<CreateOrderCommand, Result<PlacedOrder>>(scope.ServiceProvider.GetRequiredService<SignedInBuyer>())
            .Handle(command, CancellationToken.None, () => handler.Handle(command, CancellationToken.None));
        return placed.Select(p => p.Order);
    }
}
