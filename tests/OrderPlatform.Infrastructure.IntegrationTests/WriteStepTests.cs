using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// On a real SQLite file: a command holds the database's write lock only in its write step, so a
/// refused command never needs it, and concurrent writers of one process take turns.
/// </summary>
public sealed class WriteStepTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    [Fact]
    public async Task R21_R46_requests_refused_by_their_reads_or_their_decision_are_answered_while_another_process_holds_the_write_lock()
    {
        await using var otherProcess = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await otherProcess.OpenAsync();
        await ExecuteAsync(otherProcess, "BEGIN IMMEDIATE;");

        var unknownGoods = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand { GoodsId = 999 });
        var crossStore = await host.SendAsync(DemoData.BuyerId, new CreateOrderCommand
        {
            Details = [new CreateOrderDetail { GoodsId = DemoData.SingleProductId }, new CreateOrderDetail { GoodsId = DemoData.OtherSellerProductId }],
        });

        Assert.Equal(ErrorCode.GoodsNotFound, unknownGoods.Error?.Code);
        Assert.Equal(ErrorCode.CrossStore, crossStore.Error?.Code);
        await ExecuteAsync(otherProcess, "ROLLBACK;");
    }

    [Fact]
    public async Task R26_concurrent_orders_in_one_process_take_turns_to_write_and_all_are_placed()
    {
        const int orders = 24;
        var stockBefore = await StockOfLicenceAsync();
        var ordersBefore = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Orders.CountAsync());

        var results = await Task.WhenAll(Enumerable.Range(0, orders).Select(_ => Task.Run(() =>
            host.SendAsync(DemoData.BuyerId, new CreateOrderCommand { GoodsId = DemoData.SingleProductId }))));

        Assert.All(results, result => Assert.True(result.IsSuccess, result.Error?.Name));
        Assert.Equal(orders, results.Select(result => result.Value.Order.Id).Distinct().Count());
        Assert.Equal(stockBefore - orders, await StockOfLicenceAsync());
        Assert.Equal(ordersBefore + orders, await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Orders.CountAsync()));
    }

    [Fact]
    public async Task A_command_that_stages_a_change_outside_its_write_step_is_a_fault_and_saves_nothing()
    {
        var addressesBefore = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses.CountAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.InScopeAsync(services =>
            services.GetRequiredService<IUnitOfWork>().RunAsync(
                () =>
                {
                    services.GetRequiredService<OrderPlatformDbContext>().Addresses.Add(new AddressRecord { UserId = DemoData.BuyerId, Name = "Lost" });
                    return Task.FromResult(Result.Success);
                },
                CancellationToken.None)));

        Assert.Equal(addressesBefore, await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses.CountAsync()));
    }

    [Fact]
    public async Task R26_a_write_step_that_stages_a_change_instead_of_writing_it_is_a_fault_and_its_writes_roll_back()
    {
        var stockBefore = await StockOfLicenceAsync();
        var addressesBefore = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses.CountAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.InScopeAsync(services =>
            services.GetRequiredService<IUnitOfWork>().WriteAsync(
                async token =>
                {
                    Assert.True(await services.GetRequiredService<IStockLedger>().TryReserveAsync(DemoData.SingleProductId, null, 1, token));
                    services.GetRequiredService<OrderPlatformDbContext>().Addresses.Add(new AddressRecord { UserId = DemoData.BuyerId, Name = "Staged" });
                    return Result.Success;
                },
                CancellationToken.None)));

        Assert.Equal(stockBefore, await StockOfLicenceAsync());
        Assert.Equal(addressesBefore, await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses.CountAsync()));
    }

    [Fact]
    public async Task Two_commands_in_one_scope_are_two_units_of_work()
    {
        await using var scope = host.Services.CreateScopeFor(DemoData.BuyerId);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var first = await mediator.Send(new CreateOrderCommand { GoodsId = DemoData.SingleProductId });
        var second = await mediator.Send(new CreateOrderCommand { GoodsId = DemoData.SingleProductId });

        Assert.True(first.IsSuccess, first.Error?.Name);
        Assert.True(second.IsSuccess, second.Error?.Name);
        Assert.NotEqual(first.Value.Order.Id, second.Value.Order.Id);
    }

    [Fact]
    public async Task R26_a_port_refuses_to_write_outside_a_write_step()
    {
        var before = await StockOfLicenceAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.InScopeAsync(services =>
            services.GetRequiredService<IStockLedger>().TryReserveAsync(DemoData.SingleProductId, null, 1, CancellationToken.None)));

        Assert.Equal(before, await StockOfLicenceAsync());
    }

    [Fact]
    public async Task R9_a_scope_that_names_no_user_is_not_logged_in()
    {
        var result = await host.InScopeAsync(services =>
            services.GetRequiredService<IMediator>().Send(new CreateOrderCommand { GoodsId = DemoData.SingleProductId }));

        Assert.Equal(ErrorCode.NotLoggedIn, result.Error?.Code);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private Task<long> StockOfLicenceAsync() => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Products
            .Where(p => p.Id == DemoData.SingleProductId).Select(p => p.Stock).SingleAsync());
}
