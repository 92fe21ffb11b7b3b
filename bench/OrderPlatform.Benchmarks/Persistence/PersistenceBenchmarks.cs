using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Benchmarks.Scenarios;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Persistence;

/// <summary>
/// Orders written for real to a SQLite file, one per operation, on one connection at a time: every
/// operation commits, and with synchronous=FULL every commit waits for the disk to sync the WAL,
/// so each figure on <see cref="FileStorage.Disk"/> includes one sync; on <see cref="FileStorage.Tmpfs"/>
/// the sync returns at once. Nothing else writes to the file meanwhile, so no operation waits for
/// the write lock: this is the cost of one order with no contention.
/// </summary>
[MemoryDiagnoser]
public class PersistenceBenchmarks
{
    private BenchDatabase? _database;

    /// <summary>Both where the machine has a tmpfs, so that the difference shows what the sync costs.</summary>
    public static IEnumerable<FileStorage> Storages =>
        Directory.Exists(BenchDatabase.TmpfsFolder) ? [FileStorage.Disk, FileStorage.Tmpfs] : [FileStorage.Disk];

    [ParamsSource(nameof(Storages))]
    public FileStorage Storage { get; set; }

    [GlobalSetup]
    public async Task Setup() => _database = await BenchDatabase.CreateAsync(Storage);

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>The whole command on the real Infrastructure: the pipeline, the reads (buyer, catalogue), the write step and its commit.</summary>
    [Benchmark(Description = "command, SQLite: single")]
    public Task<PlacedOrder> CommandSingleProduct() => SendAsync(_database!.NextOrder().BuyerId, SeedOrders.SingleProduct);

    /// <summary>As above, plus the coupon reads, the address book read and the second scenario's larger write step.</summary>
    [Benchmark(Description = "command, SQLite: second")]
    public Task<PlacedOrder> CommandSecondExample()
    {
        var (buyerId, couponCode) = _database!.NextOrder();
        return SendAsync(buyerId, SeedOrders.SecondExample(couponCode));
    }

    /// <summary>
    /// What every command pays before it reads: a DI scope with its DbContext, the execution
    /// strategy, and a connection from the pool (with the service's per-connection pragmas).
    /// </summary>
    [Benchmark(Description = "unit of work, no write step")]
    public async Task<Result> RunNothing()
    {
        await using var scope = _database!.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        return await unitOfWork.RunAsync(() => Task.FromResult(Result.Success), CancellationToken.None);
    }

    /// <summary>As above, plus a write step that writes nothing: the writer's turn, the transaction, a save with nothing staged, the commit (no sync: nothing changed).</summary>
    [Benchmark(Description = "unit of work, empty write step")]
    public async Task<Result> WriteNothing()
    {
        await using var scope = _database!.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        return await unitOfWork.RunAsync(
            () => unitOfWork.WriteAsync(_ => Task.FromResult(Result.Success), CancellationToken.None),
            CancellationToken.None);
    }

    /// <summary>
    /// Only the single-product order's write step, through the unit of work as the handler runs it:
    /// the order id counter, the stock's guarded update, the order and its line, the commit. The
    /// order itself is built per operation (the decide step, a few microseconds, see the pipeline benchmarks).
    /// </summary>
    [Benchmark(Description = "unit of work write only: single")]
    public async Task<Result> WriteSingleProduct()
    {
        await using var scope = _database!.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var unitOfWork = services.GetRequiredService<IUnitOfWork>();
        var orders = services.GetRequiredService<IOrderRepository>();
        var stock = services.GetRequiredService<IStockLedger>();
        var order = SingleProductOrder.Place(_database.NextOrder().BuyerId, DateTimeOffset.UtcNow);
        var written = await unitOfWork.RunAsync(
            () => unitOfWork.WriteAsync(
                async token =>
                {
                    order.AssignId(await orders.NextIdAsync(order.CreatedAt, token)
                        ?? throw new InvalidOperationException("The second's order numbers ran out."));
                    if (!await stock.TryReserveAsync(DemoData.SingleProductId, null, 1, token))
                    {
                        throw new InvalidOperationException("The bench's stock ran out.");
                    }

                    await orders.AddAsync(order, token);
                    return Result.Success;
                },
                CancellationToken.None),
            CancellationToken.None);
        return written.IsSuccess ? written : throw new InvalidOperationException($"The write was refused with {written.Error!.Name}.");
    }

    private async Task<PlacedOrder> SendAsync(long buyerId, CreateOrderCommand command)
    {
        await using var scope = _database!.Services.CreateScopeFor(buyerId);
        var placed = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
        return placed.IsSuccess ? placed.Value : throw new InvalidOperationException($"The order was refused with {placed.Error!.Name}.");
    }
}
