using System.Globalization;

namespace OrderPlatform.Bench;

/// <summary>
/// What the bench adds to the seeded database, shared by prepare, floor and verify.
/// bench/wrk/create-order.lua sends the same coupon code names and the same address: keep them in step.
/// </summary>
internal static class BenchData
{
    /// <summary>Far above the seed's ids (src/Infrastructure/Seeding/DemoData.cs), so bench buyers never meet the demo users.</summary>
    public const long FirstUserId = 100_001;

    /// <summary>The seed's member group: no discount and no promoter, like the demo buyer.</summary>
    public const long MemberGroupId = 1;

    /// <summary>The seed's "20 off any order" coupon, the one COUPON2023 belongs to.</summary>
    public const long CouponId = 1;

    /// <summary>Enough that no run empties it: a refusal for stock would measure the refusal, not the order.</summary>
    public const long Stock = 1_000_000_000;

    public const long SingleProductId = 188;

    private const string CouponCodePrefix = "BENCH-";

    /// <summary>The SKUs of the second scenario (small T-shirt, small denim jacket).</summary>
    public static IReadOnlyList<long> SecondScenarioSkuIds { get; } = [1, 3];

    /// <summary>The API document's second example ships here; every bench buyer already has it in its address book.</summary>
    public static ShippingAddress Address { get; } = new("王先生", "13888888888", "河南省", "郑州市", "中原区", "中原西路233号", "450000");

    public static string CouponCode(long number) => CouponCodePrefix + number.ToString(CultureInfo.InvariantCulture);
}
