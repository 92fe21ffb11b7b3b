using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

public sealed class LineSnapshotTests
{
    [Fact]
    public void R25_sku_title_names_each_option_and_value()
    {
        SkuOptionValue[] values = [new(7, 1, "Denim", "Fiber"), new(9, 2, "Small", "Size")];

        var snapshot = LineSnapshot.Of("Jeans", values);

        Assert.Equal("Jeans", snapshot.ProductTitle);
        Assert.Equal("Fiber: Denim, Size: Small", snapshot.SkuTitle);
        Assert.Equal(values, snapshot.OptionValues);
    }

    [Fact]
    public void R25_a_product_without_skus_has_an_empty_sku_title()
    {
        var snapshot = LineSnapshot.Of("Book", []);

        Assert.Equal(string.Empty, snapshot.SkuTitle);
        Assert.Empty(snapshot.OptionValues);
    }

    [Fact]
    public void R25_snapshot_keeps_its_own_copy_of_the_option_values()
    {
        var values = new List<SkuOptionValue> { new(9, 2, "Small", "Size") };
        var snapshot = LineSnapshot.Of("Shirt", values);

        values.Add(new SkuOptionValue(10, 2, "Large", "Size"));

        Assert.Single(snapshot.OptionValues);
    }

    [Fact]
    public void R25_restore_keeps_the_stored_sku_title_as_it_was()
    {
        SkuOptionValue[] values = [new(9, 2, "Small", "Size")];

        var snapshot = LineSnapshot.Restore("Shirt", "Size: S (old title)", values);

        Assert.Equal("Shirt", snapshot.ProductTitle);
        Assert.Equal("Size: S (old title)", snapshot.SkuTitle);
        Assert.Equal(values, snapshot.OptionValues);
    }

    [Fact]
    public void R25_title_and_values_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => LineSnapshot.Of(null!, []));
        Assert.Throws<ArgumentNullException>(() => LineSnapshot.Of("Shirt", null!));
    }
}
