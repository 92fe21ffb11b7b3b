using OrderPlatform.Application.Common.Errors;
using static OrderPlatform.Application.UnitTests.World;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// R26, R42: a stock error is reported at the request line the short order line came from, even
/// when another line of the same product chose its SKU by sku_values.
/// </summary>
public sealed class CreateOrderStockErrorPathTests
{
    private readonly HandlerHarness _harness = new();

    [Fact]
    public async Task R26_a_short_sku_is_reported_at_its_own_line_not_at_an_earlier_line_of_the_same_product_chosen_by_sku_values()
    {
        _harness.GivenOutOfStock(1, 102);

        var result = await _harness.SendAsync(Command(Detail(1, skuValues: [11, 21]), Detail(1, skuId: 102)));

        var error = Refused(result, ErrorCode.InsufficientStock, "details[1].quantity");
        AssertData(error, "goods_id", 1);
        AssertData(error, "sku_id", 102);
    }
}
