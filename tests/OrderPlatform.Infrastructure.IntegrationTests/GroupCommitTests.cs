using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// SQLite's single writer (docs/decisions/0008-group-commit.md) on a real file: write steps that
/// waited together share one transaction, each is undone alone when it refuses or throws, and a
/// write a step leaves running does not land after its turn (outside any step: WriteStepTests).
/// </summary>
public sealed class GroupCommitTests(OrderPlatformHost host) : IClassFixture<OrderPlatformHost>
{
    [Fact]
    public async Task Steps_that_wait_together_commit_together_and_a_refusal_or_a_fault_undoes_only_its_own_writes()
    {
        var stockBefore = await StockAsync();
        var firstIsRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long? stockInTheBatch = null;
        long? stockOutside = null;
        await using var first = host.Services.CreateAsyncScope();
        await using var faulting = host.Services.CreateAsyncScope();
        await using var refusing = host.Services.CreateAsyncScope();
        await using var succeeding = host.Services.CreateAsyncScope();
        await using var looking = host.Services.CreateAsyncScope();

        // The first step holds the writer, so the next four queue behind it and are taken as one batch.
        var firstWrite = WriteAsync(first, async statements =>
        {
            firstIsRunning.SetResult();
            await releaseFirst.Task;
            await TakeOneAsync(statements);
            return Result.Success;
        });
        await firstIsRunning.Task;
        var faultingWrite = WriteAsync(faulting, async statements =>
        {
            await TakeOneAsync(statements);
            await InsertAddressAsync(statements, "Faulted");
            throw new InvalidOperationException("The step failed after it wrote.");
        });
        var refusingWrite = WriteAsync(refusing, async statements =>
        {
            await TakeOneAsync(statements);
            await InsertAddressAsync(statements, "Refused");
            return Error.Of(ErrorCode.InsufficientStock, "quantity");
        });
        var succeedingWrite = WriteAsync(succeeding, async statements =>
        {
            await TakeOneAsync(statements);
            await InsertAddressAsync(statements, "Committed");
            return Result.Success;
        });

        // Runs after the succeeding step in the same batch: it sees that step's write, which no other connection sees yet.
        var lookingWrite = WriteAsync(looking, async statements =>
        {
            stockInTheBatch = await statements.ReadNumberAsync($"SELECT stock FROM products WHERE id = {DemoData.SingleProductId}", CancellationToken.None);
            stockOutside = await StockFromAnotherConnectionAsync();
            return Result.Success;
        });
        releaseFirst.SetResult();

        Assert.True((await firstWrite).IsSuccess);
        await Assert.ThrowsAsync<InvalidOperationException>(() => faultingWrite);
        Assert.Equal(ErrorCode.InsufficientStock, (await refusingWrite).Error?.Code);
        Assert.True((await succeedingWrite).IsSuccess);
        Assert.True((await lookingWrite).IsSuccess);

        Assert.Equal(stockBefore - 2, stockInTheBatch);
        Assert.Equal(stockBefore - 1, stockOutside);
        Assert.Equal(stockBefore - 2, await StockAsync());
        var names = await host.InScopeAsync(services => services.GetRequiredService<OrderPlatformDbContext>().Addresses
            .Where(a => a.UserId == DemoData.BuyerId && a.Name.StartsWith("Group commit"))
            .Select(a => a.Name).ToListAsync());
        Assert.Equal(["Group commit: Committed"], names);
    }

    [Fact]
    public async Task The_writer_commits_with_full_sync_and_foreign_keys_on()
    {
        long? synchronous = null;
        long? foreignKeys = null;
        await using var scope = host.Services.CreateAsyncScope();

        var written = await WriteAsync(scope, async statements =>
        {
            synchronous = await statements.ReadNumberAsync($"PRAGMA synchronous", CancellationToken.None);
            foreignKeys = await statements.ReadNumberAsync($"PRAGMA foreign_keys", CancellationToken.None);
            return Result.Success;
        });

        Assert.True(written.IsSuccess);
        Assert.Equal(2, synchronous);
        Assert.Equal(1, foreignKeys);
    }

    [Fact]
    public async Task A_write_a_step_leaves_running_cannot_land_in_a_later_step()
    {
        var stockBefore = await StockAsync();
        Task? leftRunning = null;
        var releaseLeftover = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var leaving = host.Services.CreateAsyncScope();

        var written = await WriteAsync(leaving, statements =>
        {
            leftRunning = WriteLaterAsync(statements, releaseLeftover.Task);
            return Task.FromResult(Result.Success);
        });
        releaseLeftover.SetResult();

        Assert.True(written.IsSuccess);
        await Assert.ThrowsAsync<InvalidOperationException>(() => leftRunning!);
        Assert.Equal(stockBefore, await StockAsync());
    }

    private static async Task WriteLaterAsync(IWriteStatements statements, Task release)
    {
        await release;
        await TakeOneAsync(statements);
    }

    private static Task<Result> WriteAsync(AsyncServiceScope scope, Func<IWriteStatements, Task<Result>> step)
    {
        var statements = scope.ServiceProvider.GetRequiredService<IWriteStatements>();
        return scope.ServiceProvider.GetRequiredService<IUnitOfWork>().WriteAsync(_ => step(statements), CancellationToken.None);
    }

    private static Task<int> TakeOneAsync(IWriteStatements statements) =>
        statements.ExecuteAsync($"UPDATE products SET stock = stock - 1 WHERE id = {DemoData.SingleProductId}", CancellationToken.None);

    private static Task InsertAddressAsync(IWriteStatements statements, string name) =>
        statements.InsertAsync(new AddressRecord { UserId = DemoData.BuyerId, Name = "Group commit: " + name }, CancellationToken.None);

    private async Task<long> StockFromAnotherConnectionAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT stock FROM products WHERE id = {DemoData.SingleProductId}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<long> StockAsync() => host.InScopeAsync(services =>
        services.GetRequiredService<OrderPlatformDbContext>().Products
            .Where(p => p.Id == DemoData.SingleProductId).Select(p => p.Stock).SingleAsync());
}
