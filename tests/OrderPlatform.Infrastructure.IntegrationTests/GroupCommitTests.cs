using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// SQLite's single writer (docs/decisions/0008-group-commit.md) on a real file: write steps that
/// waited together share one transaction, and each is undone alone when it refuses or throws.
/// </summary>
public sealed class GroupCommitTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    private static readonly string[] WriterPragmas = ["synchronous", "foreign_keys"];

    [Fact]
    public async Task Steps_that_wait_together_commit_together_and_a_refusal_or_a_fault_undoes_only_its_own_writes()
    {
        var stockBefore = await StockAsync();
        var firstIsRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transactions = new DbTransaction?[3];
        await using var first = host.Services.CreateAsyncScope();
        await using var faulting = host.Services.CreateAsyncScope();
        await using var refusing = host.Services.CreateAsyncScope();
        await using var succeeding = host.Services.CreateAsyncScope();

        // The first step holds the writer, so the next three queue behind it and are taken as one batch.
        var firstWrite = WriteAsync(first, async db =>
        {
            firstIsRunning.SetResult();
            await releaseFirst.Task;
            await TakeOneAsync(db);
            return Result.Success;
        });
        await firstIsRunning.Task;
        var faultingWrite = WriteAsync(faulting, async db =>
        {
            transactions[0] = db.Database.CurrentTransaction?.GetDbTransaction();
            await TakeOneAsync(db);
            StageAddress(db, "Faulted");
            throw new InvalidOperationException("The step failed after it wrote.");
        });
        var refusingWrite = WriteAsync(refusing, async db =>
        {
            transactions[1] = db.Database.CurrentTransaction?.GetDbTransaction();
            await TakeOneAsync(db);
            StageAddress(db, "Refused");
            return Error.Of(ErrorCode.InsufficientStock, "quantity");
        });
        var succeedingWrite = WriteAsync(succeeding, async db =>
        {
            transactions[2] = db.Database.CurrentTransaction?.GetDbTransaction();
            await TakeOneAsync(db);
            StageAddress(db, "Committed");
            return Result.Success;
        });
        releaseFirst.SetResult();

        Assert.True((await firstWrite).IsSuccess);
        await Assert.ThrowsAsync<InvalidOperationException>(() => faultingWrite);
        Assert.Equal(ErrorCode.InsufficientStock, (await refusingWrite).Error?.Code);
        Assert.True((await succeedingWrite).IsSuccess);

        Assert.NotNull(transactions[0]);
        Assert.All(transactions, transaction => Assert.Same(transactions[0], transaction));
        Assert.Equal(stockBefore - 2, await StockAsync());
        var names = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses
            .Where(a => a.UserId == DemoData.BuyerId && a.Name.StartsWith("Group commit"))
            .Select(a => a.Name).ToListAsync());
        Assert.Equal(["Group commit: Committed"], names);
    }

    [Fact]
    public async Task The_writer_commits_with_full_sync_and_foreign_keys_on()
    {
        var settings = new Dictionary<string, long>();
        await using var scope = host.Services.CreateAsyncScope();

        var written = await WriteAsync(scope, async db =>
        {
            foreach (var pragma in WriterPragmas)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                settings[pragma] = (long)(await command.ExecuteScalarAsync())!;
            }

            return Result.Success;
        });

        Assert.True(written.IsSuccess);
        Assert.Equal(2, settings["synchronous"]);
        Assert.Equal(1, settings["foreign_keys"]);
    }

    private static Task<Result> WriteAsync(AsyncServiceScope scope, Func<OrderPlatformDbContext, Task<Result>> step)
    {
        var db = scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>();
        return scope.ServiceProvider.GetRequiredService<IUnitOfWork>().WriteAsync(_ => step(db), CancellationToken.None);
    }

    private static Task<int> TakeOneAsync(OrderPlatformDbContext db) =>
        db.Database.ExecuteSqlAsync($"UPDATE products SET stock = stock - 1 WHERE id = {DemoData.SingleProductId}");

    private static void StageAddress(OrderPlatformDbContext db, string name) =>
        db.Addresses.Add(new AddressRecord { UserId = DemoData.BuyerId, Name = "Group commit: " + name });

    private Task<long> StockAsync() => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Products
            .Where(p => p.Id == DemoData.SingleProductId).Select(p => p.Stock).SingleAsync());
}
