using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.UnitTests.Common;

public sealed class SkuSelectionTests
{
    [Fact]
    public void R22_selection_keeps_goods_sku_and_option_values()
    {
        var selection = SkuSelection.Of(1, 3, [11, 22]);

        Assert.Equal(1, selection.GoodsId);
        Assert.Equal(3, selection.SkuId);
        Assert.True(selection.OptionValueIds.SetEquals([11L, 22L]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void R22_sku_id_zero_or_absent_means_no_sku_named(long? skuId)
    {
        Assert.Null(SkuSelection.Of(188, skuId, []).SkuId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void R21_goods_id_must_be_positive(long goodsId)
    {
        Assert.Throws<DomainException>(() => SkuSelection.Of(goodsId, null, []));
    }

    [Fact]
    public void R22_option_values_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => SkuSelection.Of(1, null, null!));
    }

    [Fact]
    public void R22_repeated_option_values_count_once()
    {
        var selection = SkuSelection.Of(1, null, [11, 11, 22]);

        Assert.Equal(2, selection.OptionValueIds.Count);
        Assert.True(selection.MatchesOptionValues([22, 11]));
    }

    [Fact]
    public void R22_option_values_match_a_sku_with_exactly_the_same_set_in_any_order()
    {
        var selection = SkuSelection.Of(1, null, [11, 22]);

        Assert.True(selection.MatchesOptionValues([11, 22]));
        Assert.True(selection.MatchesOptionValues([22, 11]));
    }

    [Fact]
    public void R22_a_subset_or_superset_of_option_values_does_not_match()
    {
        var selection = SkuSelection.Of(1, null, [11, 22]);

        Assert.False(selection.MatchesOptionValues([11]));
        Assert.False(selection.MatchesOptionValues([11, 22, 33]));
        Assert.False(selection.MatchesOptionValues([11, 33]));
        Assert.False(selection.MatchesOptionValues([]));
    }

    [Fact]
    public void R22_no_option_values_chosen_matches_no_sku()
    {
        var selection = SkuSelection.Of(1, null, []);

        Assert.False(selection.MatchesOptionValues([]));
        Assert.False(selection.MatchesOptionValues([11]));
    }

    [Fact]
    public void R22_the_selection_does_not_change_when_the_callers_list_does()
    {
        var values = new List<long> { 11, 22 };
        var selection = SkuSelection.Of(1, null, values);

        values.Add(33);

        Assert.True(selection.MatchesOptionValues([11, 22]));
    }
}
