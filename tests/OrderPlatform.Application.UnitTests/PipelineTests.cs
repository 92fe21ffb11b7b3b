using System.Collections.Concurrent;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using OrderPlatform.Application.Common.Behaviours;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;
using static OrderPlatform.Application.UnitTests.World;

namespace OrderPlatform.Application.UnitTests;

/// <summary>The real MediatR pipeline as <c>AddApplication()</c> wires it, with substituted ports.</summary>
public sealed class PipelineTests : IDisposable
{
    private readonly IUserDirectory _users = Substitute.For<IUserDirectory>();
    private readonly ICatalog _catalog = Substitute.For<ICatalog>();
    private readonly IStockLedger _stock = Substitute.For<IStockLedger>();
    private readonly IAddressBook _addressBook = Substitute.For<IAddressBook>();
    private readonly ICouponBook _coupons = Substitute.For<ICouponBook>();
    private readonly ICart _cart = Substitute.For<ICart>();
    private readonly IOrderRepository _orders = Substitute.For<IOrderRepository>();
    private readonly IOrderReadModel _readModel = Substitute.For<IOrderReadModel>();
    private readonly StepRecordingUnitOfWork _unitOfWork = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _provider;
    private long? _currentUserId = BuyerId;

    public PipelineTests()
    {
        _users.FindUserAsync(BuyerId, Arg.Any<CancellationToken>()).Returns(Buyer);
        _catalog.FindPublishedAsync(Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<CancellationToken>())
            .Returns(new Dictionary<long, CatalogProduct> { [World.Plain.Id] = World.Plain });
        _stock.TryReserveAsync(default, default, default, default).ReturnsForAnyArgs(true);
        _orders.NextIdAsync(default, default).ReturnsForAnyArgs((OrderId?)new OrderId(OrderIdValue));

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs));
        services.AddApplication(new ConfigurationBuilder().Build());
        services.AddScoped<ICurrentUser>(_ => new SignedIn(_currentUserId));
        services.AddOptions();
        services.Configure<OrderOptions>(_ => { });
        services.Configure<RetailerOptions>(_ => { });
        services.AddSingleton(_users);
        services.AddSingleton(_catalog);
        services.AddSingleton(_stock);
        services.AddSingleton(_addressBook);
        services.AddSingleton(_coupons);
        services.AddSingleton(_cart);
        services.AddSingleton<IIdempotencyRecords>(new InMemoryIdempotencyRecords());
        services.AddSingleton(_orders);
        services.AddSingleton(_readModel);
        services.AddSingleton<IUnitOfWork>(_unitOfWork);
        services.AddSingleton<TimeProvider>(new FixedClock(World.Now));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public void Dispose()
    {
        _provider.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task R14_an_invalid_command_returns_the_validation_error_and_reaches_no_port_but_the_buyer_check_nor_the_unit_of_work()
    {
        var result = await SendAsync(new CreateOrderCommand());

        Assert.False(result.IsSuccess);
        Assert.Equal("no_items", result.Error!.Name);
        Assert.Null(result.Error.Field);
        await _users.Received(1).FindUserAsync(BuyerId, Arg.Any<CancellationToken>());
        Assert.Single(_users.ReceivedCalls());
        Assert.Empty(_catalog.ReceivedCalls());
        Assert.Empty(_stock.ReceivedCalls());
        Assert.Empty(_addressBook.ReceivedCalls());
        Assert.Empty(_coupons.ReceivedCalls());
        Assert.Empty(_cart.ReceivedCalls());
        Assert.Empty(_orders.ReceivedCalls());
        Assert.Equal(0, _unitOfWork.Commands);
    }

    [Fact]
    public async Task R15_a_validation_failure_in_details_is_reported_at_its_json_path()
    {
        var result = await SendAsync(Command(Detail(188), Detail(188, quantity: -3)));

        Assert.Equal("invalid_quantity", result.Error?.Name);
        Assert.Equal("details[1].quantity", result.Error?.Field);
        Assert.Equal(0, _unitOfWork.Commands);
    }

    [Fact]
    public async Task R30_an_invalid_address_is_reported_at_address_phone_before_any_address_or_order_port_is_called()
    {
        var result = await SendAsync(Command(Detail(188)) with { Address = ValidAddress() with { Phone = "abc" } });

        Assert.Equal("invalid_address", result.Error?.Name);
        Assert.Equal("address.phone", result.Error?.Field);
        Assert.Empty(_addressBook.ReceivedCalls());
        Assert.Empty(_orders.ReceivedCalls());
        Assert.Equal(0, _unitOfWork.Commands);
    }

    [Fact]
    public async Task R51_a_valid_command_runs_as_one_unit_of_work_and_writes_only_in_its_write_step()
    {
        _orders.When(o => o.AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>()))
            .Do(_ => Assert.True(_unitOfWork.IsWriting, "The order was staged outside the write step."));
        _stock.TryReserveAsync(default, default, default, default).ReturnsForAnyArgs(_ =>
        {
            Assert.True(_unitOfWork.IsWriting, "Stock was taken outside the write step.");
            return true;
        });

        var result = await SendAsync(new CreateOrderCommand { GoodsId = 188 });

        var order = Succeeded(result);
        Assert.Equal("202211232209080046", order.OrderId);
        Assert.Equal(9900, order.Amount);
        Assert.Equal(7920, order.SellerAmount);
        Assert.Equal((1, 1, 0), (_unitOfWork.Commands, _unitOfWork.WriteSteps, _unitOfWork.RolledBack));
        await _orders.Received(1).AddAsync(Arg.Any<Order>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task R26_a_refusal_in_the_write_step_comes_back_through_the_unit_of_work_unchanged_and_rolls_back()
    {
        _stock.TryReserveAsync(default, default, default, default).ReturnsForAnyArgs(false);

        var result = await SendAsync(new CreateOrderCommand { GoodsId = 188, Quantity = 2 });

        Assert.Equal("insufficient_stock", result.Error?.Name);
        Assert.Equal("quantity", result.Error?.Field);
        Assert.Equal((1, 1, 1), (_unitOfWork.Commands, _unitOfWork.WriteSteps, _unitOfWork.RolledBack));
        await _orders.DidNotReceiveWithAnyArgs().AddAsync(default!, default);
    }

    [Fact]
    public async Task R21_a_refusal_the_reads_decide_never_begins_the_write_step()
    {
        var result = await SendAsync(new CreateOrderCommand { GoodsId = 999 });

        Assert.Equal("goods_not_found", result.Error?.Name);
        Assert.Equal((1, 0), (_unitOfWork.Commands, _unitOfWork.WriteSteps));
        Assert.Empty(_stock.ReceivedCalls());
    }

    [Fact]
    public async Task R16_a_refusal_the_order_decides_never_begins_the_write_step()
    {
        var result = await SendAsync(Command(Detail(188, quantity: 9999), Detail(188, quantity: 9999)));

        Assert.Equal("invalid_quantity", result.Error?.Name);
        Assert.Equal((1, 0), (_unitOfWork.Commands, _unitOfWork.WriteSteps));
    }

    [Fact]
    public async Task R9_an_anonymous_caller_is_not_logged_in_and_nothing_is_read()
    {
        _currentUserId = null;

        var result = await SendAsync(new CreateOrderCommand { GoodsId = 188 });

        Assert.Equal(ErrorCode.NotLoggedIn, result.Error?.Code);
        Assert.Empty(_users.ReceivedCalls());
        Assert.Empty(_catalog.ReceivedCalls());
        Assert.Equal(0, _unitOfWork.Commands);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task R9_R10_an_unknown_or_disabled_buyer_is_refused_before_the_request_is_validated(bool exists)
    {
        _users.FindUserAsync(BuyerId, Arg.Any<CancellationToken>()).Returns(exists ? Buyer with { IsActive = false } : null);

        var result = await SendAsync(new CreateOrderCommand { Quantity = -1 });

        Assert.Equal(exists ? ErrorCode.NotAuthorized : ErrorCode.NotLoggedIn, result.Error?.Code);
        Assert.Empty(_catalog.ReceivedCalls());
        Assert.Equal(0, _unitOfWork.Commands);
    }

    [Fact]
    public void Behaviour_order_is_logging_then_buyer_access_then_validation_then_transaction()
    {
        using var scope = _provider.CreateScope();

        var behaviours = scope.ServiceProvider.GetServices<IPipelineBehavior<CreateOrderCommand, Result<PlacedOrder>>>()
            .Select(b => b.GetType().GetGenericTypeDefinition())
            .ToArray();

        Assert.Equal(
            [typeof(LoggingBehaviour<,>), typeof(BuyerAccessBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)],
            behaviours);
    }

    [Fact]
    public async Task R60_logging_wraps_validation_so_a_refusal_is_logged_with_its_code_and_no_personal_data()
    {
        await SendAsync(Command(Detail(188)) with { Address = ValidAddress() with { Phone = "+86 abc" } });

        var line = Assert.Single(_logs.Messages, m => m.Contains("CreateOrderCommand", StringComparison.Ordinal));
        Assert.Contains("refused with invalid_address at address.phone", line, StringComparison.Ordinal);
        Assert.Contains("user 1000", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("Li Lei", StringComparison.Ordinal) || m.Contains("+86", StringComparison.Ordinal) || m.Contains("Keyuan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R60_a_success_is_logged_once_with_the_user()
    {
        Succeeded(await SendAsync(new CreateOrderCommand { GoodsId = 188, Address = ValidAddress() }));

        var line = Assert.Single(_logs.Messages, m => m.StartsWith("CreateOrderCommand", StringComparison.Ordinal));
        Assert.Contains("for user 1000 succeeded", line, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("Li Lei", StringComparison.Ordinal) || m.Contains("138-0000", StringComparison.Ordinal) || m.Contains("Keyuan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Section13_a_validator_rule_without_a_section_13_code_is_a_fault_not_a_silent_pass()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddApplication(new ConfigurationBuilder().Build())
            .AddSingleton<ICurrentUser>(new SignedIn(BuyerId))
            .AddSingleton(_users)
            .AddSingleton(_catalog)
            .AddSingleton(_stock)
            .AddSingleton(_addressBook)
            .AddSingleton(_coupons)
            .AddSingleton(_cart)
            .AddSingleton(_orders)
            .AddSingleton(_readModel)
            .AddSingleton<IUnitOfWork>(_unitOfWork)
            .AddScoped<IValidator<CreateOrderCommand>, UncodedValidator>()
            .BuildServiceProvider();
        using var scope = provider.CreateScope();

        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => mediator.Send(new CreateOrderCommand { GoodsId = 188 }));
        Assert.Equal(0, _unitOfWork.Commands);
    }

    [Theory]
    [InlineData("Details[0].GoodsSkuId", "details[0].goods_sku_id")]
    [InlineData("Details[12].SkuValues[3]", "details[12].sku_values[3]")]
    [InlineData("Quantity", "quantity")]
    [InlineData("address.address_info", "address.address_info")]
    [InlineData("Address.AddressInfo", "address.address_info")]
    [InlineData("CartIds[1]", "cart_ids[1]")]
    public void R5_json_path_turns_member_paths_into_snake_case_json_paths(string propertyPath, string expected)
    {
        Assert.Equal(expected, JsonPath.FromPropertyPath(propertyPath));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void R2_an_empty_member_path_is_a_null_field(string? propertyPath)
    {
        Assert.Null(JsonPath.FromPropertyPath(propertyPath));
    }

    private async Task<Result<OrderDto>> SendAsync(CreateOrderCommand command)
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return (await mediator.Send(command)).Select(placed => placed.Order);
    }

    /// <summary>A validator whose rule forgot its error code.</summary>
    private sealed class UncodedValidator : AbstractValidator<CreateOrderCommand>
    {
        public UncodedValidator() => RuleFor(c => c.GoodsId).LessThan(0);
    }

    /// <summary>Keeps every formatted log message.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages.ToArray();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(_messages);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                ArgumentNullException.ThrowIfNull(formatter);
                messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
