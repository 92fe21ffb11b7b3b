using AutoMapper;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Mapping;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.UnitTests;

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The user a token would name, or nobody.</summary>
internal sealed class SignedIn(long? userId) : ICurrentUser
{
    public long? UserId => userId;
}

/// <summary>
/// A unit of work without a database: it runs the command and its write step and records what
/// happened, so tests can tell reads from writes. A refused write step is counted as rolled back.
/// </summary>
internal sealed class StepRecordingUnitOfWork : IUnitOfWork
{
    public int Commands { get; private set; }

    public int WriteSteps { get; private set; }

    public int RolledBack { get; private set; }

    /// <summary>Write steps refused because a read was out of date.</summary>
    public int StaleReads { get; private set; }

    /// <summary>True while a write step runs.</summary>
    public bool IsWriting { get; private set; }

    public async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> command, CancellationToken cancellationToken)
        where TResult : IUseCaseResult
    {
        Commands++;
        return await command();
    }

    public Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, CancellationToken cancellationToken) =>
        WriteThenRecordAsync(write, record: null, cancellationToken);

    public Task<Result> WriteAsync(Func<CancellationToken, Task<Result>> write, Func<CancellationToken, Task> record, CancellationToken cancellationToken) =>
        WriteThenRecordAsync(write, record, cancellationToken);

    private async Task<Result> WriteThenRecordAsync(Func<CancellationToken, Task<Result>> write, Func<CancellationToken, Task>? record, CancellationToken cancellationToken)
    {
        WriteSteps++;
        IsWriting = true;
        try
        {
            var outcome = await write(cancellationToken);
            RolledBack += outcome.IsSuccess ? 0 : 1;
            StaleReads += outcome.ReadWentStale ? 1 : 0;
            if (outcome.IsSuccess && record is not null)
            {
                await record(cancellationToken);
            }

            return outcome;
        }
        finally
        {
            IsWriting = false;
        }
    }
}

/// <summary>The demo world of docs/contract.md section 15, as the ports would report it.</summary>
internal static class World
{
    public const long BuyerId = 1000;
    public const long ParentId = 2000;
    public const long GrandparentId = 3000;
    public const long SellerId = 15;
    public const long OrderIdValue = 46;

    /// <summary>22:09:08 China time on 2022-11-23: with id 46 the API document's order number 202211232209080046.</summary>
    public static readonly DateTimeOffset Now = new(2022, 11, 23, 14, 9, 8, TimeSpan.Zero);

    public static readonly SkuOptionValue Small = new(11, 1, "Small", "Size");
    public static readonly SkuOptionValue Large = new(12, 1, "Large", "Size");
    public static readonly SkuOptionValue Red = new(21, 2, "Red", "Color");
    public static readonly SkuOptionValue Blue = new(22, 2, "Blue", "Color");

    /// <summary>Product 188: no SKUs, 9900, seller 15.</summary>
    public static readonly CatalogProduct Plain = new(188, "Demo product", 9900, SellerId, null, []);

    /// <summary>Product 1: SKUs 101 (Small, Red) 5000, 102 (Large, Red) 5500, 103 (Small, Blue) 5200; product price 4900.</summary>
    public static readonly CatalogProduct Shirt = new(1, "Shirt", 4900, SellerId, null,
    [
        new CatalogSku(101, 5000, [Small, Red]),
        new CatalogSku(102, 5500, [Large, Red]),
        new CatalogSku(103, 5200, [Small, Blue]),
    ]);

    /// <summary>Product 3: no SKUs, 4900.</summary>
    public static readonly CatalogProduct Socks = new(3, "Socks", 4900, SellerId, null, []);

    /// <summary>Product 4: no SKUs, 995 (90 % of it is 895.5).</summary>
    public static readonly CatalogProduct Pen = new(4, "Pen", 995, SellerId, null, []);

    /// <summary>Product 2: sold by another seller (16).</summary>
    public static readonly CatalogProduct OtherStoreMug = new(2, "Mug", 1500, 16, null, []);

    public static readonly UserAccount Buyer = new(BuyerId, IsActive: true, IsRetailer: false, ParentId: 0, Group: null);

    public static readonly IMapper Mapper = new MapperConfiguration(cfg => cfg.AddProfile<OrderMappingProfile>()).CreateMapper();

    public static CreateOrderDetail Detail(long goodsId, long quantity = 0, long skuId = 0, long[]? skuValues = null, long? price = null, long? totalPrice = null) => new()
    {
        GoodsId = goodsId,
        Quantity = quantity,
        GoodsSkuId = skuId,
        SkuValues = skuValues ?? [],
        Price = price,
        TotalPrice = totalPrice,
    };

    public static CreateOrderCommand Command(params CreateOrderDetail[] details) => new() { Details = details };

    public static CreateOrderAddress ValidAddress(long id = 0) => new()
    {
        Id = id,
        Name = " Li Lei ",
        Phone = "+86 138-0000-0000",
        Province = "Guangdong",
        City = "Shenzhen",
        Country = "Nanshan",
        AddressInfo = "1 Keyuan Road",
        Postcode = "518000",
    };

    public static OrderDto Succeeded(Result<OrderDto> result)
    {
        Assert.True(result.IsSuccess, $"Expected an order, got {result.Error?.Name} at {result.Error?.Field}.");
        return result.Value;
    }

    public static Error Refused(Result<OrderDto> result, ErrorCode expected, string? field)
    {
        Assert.False(result.IsSuccess, "Expected a refusal, got an order.");
        var error = result.Error!;
        Assert.Equal(ErrorCodeNames.NameOf(expected), error.Name);
        Assert.Equal(field, error.Field);
        return error;
    }

    public static void AssertData(Error error, string key, long expected)
    {
        Assert.True(error.Data.TryGetValue(key, out var actual), $"The error has no '{key}' member.");
        Assert.Equal(expected, Assert.IsType<long>(actual));
    }
}

/// <summary>Idempotency keys kept in memory, as the database would keep them once the write step commits.</summary>
internal sealed class InMemoryIdempotencyRecords : IIdempotencyRecords
{
    private readonly Dictionary<(long BuyerId, string Key), (IdempotentAnswer Answer, DateTimeOffset RecordedAt)> _rows = [];

    public int Count => _rows.Count;

    public Task<IdempotentAnswer?> FindAsync(long buyerId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((buyerId, key), out var row) ? row.Answer : null);

    public Task RecordAsync(long buyerId, IdempotencyKey key, OrderDto answer, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        _rows.Add((buyerId, key.Value), (new IdempotentAnswer(key.Fingerprint, answer), recordedAt));
        return Task.CompletedTask;
    }

    public Task<int> PurgeAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        var expired = _rows.Where(row => row.Value.RecordedAt < recordedBefore).Select(row => row.Key).ToList();
        expired.ForEach(key => _rows.Remove(key));
        return Task.FromResult(expired.Count);
    }
}
