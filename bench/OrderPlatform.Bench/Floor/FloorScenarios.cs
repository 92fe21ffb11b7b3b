namespace OrderPlatform.Bench.Floor;

/// <summary>
/// The values the service writes for each scenario on the seeded catalogue (src/Infrastructure/Seeding),
/// as bench/wrk/create-order.lua requests them. Buyers are plain members, so nothing goes to a promoter.
/// </summary>
internal static class FloorScenarios
{
    /// <summary>The seed's single-product example: one licence, no address, no coupon.</summary>
    public static FloorScenario Single { get; } = new(
        Name: "single",
        Remark: "普通商品订单",
        Lines: [new FloorLine(188, null, 1, "AnQiCMS Pro licence", "", "[]", 9900, 9900, 9900, 9900, 0)],
        OriginAmount: 9900,
        DiscountAmount: 0,
        Amount: 9900,
        SellerAmount: 7920,
        ShipsToAddress: false,
        CouponId: null);

    /// <summary>The API document's second example: two SKU lines, an address, and 20 off spread over the lines (R39).</summary>
    public static FloorScenario Second { get; } = new(
        Name: "second",
        Remark: "多商品订单",
        Lines:
        [
            new FloorLine(
                1, 1, 2, "Cotton T-shirt", "Size: Small",
                """[{"id":156,"option_id":33,"title":"Small","option_title":"Size"}]""",
                4900, 4900, 9800, 9800, 863),
            new FloorLine(
                2, 3, 1, "Denim jacket", "Fiber: Denim, Size: Small",
                """[{"id":153,"option_id":32,"title":"Denim","option_title":"Fiber"},{"id":158,"option_id":34,"title":"Small","option_title":"Size"}]""",
                12900, 12900, 12900, 12900, 1137),
        ],
        OriginAmount: 22700,
        DiscountAmount: 2000,
        Amount: 20700,
        SellerAmount: 16560,
        ShipsToAddress: true,
        CouponId: BenchData.CouponId);

    public static FloorScenario ByName(string name) => name switch
    {
        "single" => Single,
        "second" => Second,
        _ => throw new ArgumentException($"Unknown scenario '{name}': single or second."),
    };
}
