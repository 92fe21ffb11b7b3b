using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests;

/// <summary>Small builders for placements, drafts and addresses, with the contract's defaults (CNY, Asia/Shanghai, 80 %).</summary>
internal static class Build
{
    public const long SellerId = 15;

    public const long BuyerId = 1000;

    public static readonly Currency Cny = Currency.Of("CNY");

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>22:09:08 China time on 2022-11-23, the API document's example.</summary>
    public static readonly DateTimeOffset PlacedAt = new(2022, 11, 23, 14, 9, 8, TimeSpan.Zero);

    public static Money Fen(long minorUnits) => Money.Of(minorUnits, Cny);

    /// <summary>The id the database gives the placed order in these tests: with <see cref="PlacedAt"/>, the API document's order number.</summary>
    public static readonly OrderId OrderId = new(46);

    public static OrderPlacement Placement() => new()
    {
        BuyerId = BuyerId,
        Type = OrderType.Goods,
        TimeZone = Shanghai,
        PaymentWindow = TimeSpan.FromMinutes(30),
        Currency = Cny,
        MaxLines = 100,
        MaxQuantityPerLine = 9999,
        Earnings = EarningsPolicy.SellerOnly(80),
    };

    public static OrderLineDraft Line(
        long goodsId,
        long unitPrice,
        int quantity = 1,
        long? skuId = null,
        long sellerId = SellerId,
        long? originPrice = null,
        string? title = null) => new()
        {
            GoodsId = goodsId,
            SkuId = skuId,
            SellerId = sellerId,
            Snapshot = LineSnapshot.Of(title ?? $"Goods {goodsId}", []),
            UnitPrice = Fen(unitPrice),
            OriginPrice = Fen(originPrice ?? unitPrice),
            Quantity = quantity,
        };

    /// <summary>Places the order at <see cref="PlacedAt"/>, identifies it as <see cref="OrderId"/>, and fails the test when it is refused.</summary>
    public static Order Placed(OrderPlacement placement, params OrderLineDraft[] lines)
    {
        var result = Order.Place(placement, lines, PlacedAt);
        Assert.True(result.IsSuccess, $"The order was refused: {result.Error}");
        result.Value.AssignId(OrderId);
        return result.Value;
    }

    /// <summary>Places the order at <see cref="PlacedAt"/> and returns the error, failing the test when it is accepted.</summary>
    public static DomainError Refused(OrderPlacement placement, params OrderLineDraft[] lines)
    {
        var result = Order.Place(placement, lines, PlacedAt);
        Assert.False(result.IsSuccess, "The order was accepted.");
        return result.Error!;
    }

    /// <summary>The seed example of the API document (R30).</summary>
    public static AddressParts SeedAddress() => new()
    {
        Name = "王先生",
        Phone = "13888888888",
        Province = "河南省",
        City = "郑州市",
        District = "中原区",
        Detail = "中原西路233号",
        Postcode = "450000",
    };

    public static Address ValidAddress() => Address.Create(SeedAddress()).Value;
}

/// <summary>A tiny deterministic generator (SplitMix64) so property-style loops are reproducible on every runtime.</summary>
internal sealed class Seeded(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [min, max], inclusive.</summary>
    public long Between(long min, long max) => min + (long)(Next() % (ulong)(max - min + 1));
}
