using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

public sealed class DiscountSpreadTests
{
    [Fact]
    public void R39_discount_is_split_in_proportion_to_line_amounts()
    {
        Assert.Equal([25L, 75L], DiscountSpread.Split(100, [100, 300]));
        Assert.Equal([1000L], DiscountSpread.Split(1000, [9900]));
    }

    [Fact]
    public void R39_the_leftover_unit_goes_to_the_largest_remainder()
    {
        // Exact shares 3.33 and 6.67: floors 3 + 6 = 9, the unit left goes to the second line.
        Assert.Equal([3L, 7L], DiscountSpread.Split(10, [10, 20]));

        // Exact shares 33.3, 33.3, 33.4: the third line has the largest remainder.
        Assert.Equal([33L, 33L, 34L], DiscountSpread.Split(100, [333, 333, 334]));

        // Exact shares 16.67, 33.33, 50: only the first has a remainder worth a unit.
        Assert.Equal([17L, 33L, 50L], DiscountSpread.Split(100, [1000, 2000, 3000]));
    }

    [Fact]
    public void R39_ties_go_to_the_earlier_line()
    {
        Assert.Equal([1L, 0L], DiscountSpread.Split(1, [5, 5]));
        Assert.Equal([4L, 3L, 3L], DiscountSpread.Split(10, [4, 4, 4]));
        Assert.Equal([1L, 1L, 0L], DiscountSpread.Split(2, [1, 1, 1]));
        Assert.Equal([0L, 1L, 1L, 0L], DiscountSpread.Split(2, [1, 7, 7, 1]));
    }

    [Fact]
    public void R39_a_tie_does_not_beat_a_larger_remainder_of_a_later_line()
    {
        // Shares 0.2, 0.2, 0.6 (x 1): only the third line has remainder above the others.
        Assert.Equal([0L, 0L, 1L], DiscountSpread.Split(1, [1, 1, 3]));
    }

    [Fact]
    public void R39_no_discount_gives_zero_parts()
    {
        Assert.Equal([0L, 0L, 0L], DiscountSpread.Split(0, [100, 0, 5]));
        Assert.Equal([0L], DiscountSpread.Split(0, [0]));
        Assert.Empty(DiscountSpread.Split(0, []));
    }

    [Fact]
    public void R39_a_line_of_zero_amount_gets_no_part()
    {
        Assert.Equal([0L, 10L, 0L], DiscountSpread.Split(10, [0, 50, 0]));
    }

    [Fact]
    public void R39_the_whole_total_can_be_spread()
    {
        Assert.Equal([100L, 0L, 300L], DiscountSpread.Split(400, [100, 0, 300]));
    }

    [Fact]
    public void R35_large_amounts_do_not_overflow()
    {
        const long Half = long.MaxValue / 2;

        var parts = DiscountSpread.Split(long.MaxValue - 1, [Half, Half, 1]);

        Assert.Equal(long.MaxValue - 1, parts.Sum());
        Assert.Equal([Half, Half - 1, 1L], parts);
    }

    [Theory]
    [InlineData(-1, 100)]
    [InlineData(101, 100)]
    [InlineData(1, 0)]
    public void R39_a_discount_that_cannot_be_spread_is_refused(long discount, long amount)
    {
        Assert.Throws<DomainException>(() => DiscountSpread.Split(discount, [amount]));
    }

    [Fact]
    public void R39_negative_line_amounts_are_refused()
    {
        Assert.Throws<DomainException>(() => DiscountSpread.Split(10, [100, -1]));
    }

    [Fact]
    public void R39_line_amounts_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => DiscountSpread.Split(0, null!));
    }

    [Fact]
    public void R39_property_parts_sum_exactly_and_follow_largest_remainder_with_ties_to_earlier_lines()
    {
        var random = new Seeded(39);
        for (var round = 0; round < 3000; round++)
        {
            var count = (int)random.Between(1, 12);
            var maxAmount = random.Between(0, 3) switch
            {
                0 => 3L,
                1 => 1_000L,
                2 => 10_000_000L,
                _ => 100_000_000_000L,
            };
            var amounts = new long[count];
            for (var i = 0; i < count; i++)
            {
                amounts[i] = random.Between(0, 4) == 0 ? 0 : random.Between(0, maxAmount);
            }

            var total = amounts.Sum();
            var discount = total == 0 ? 0 : random.Between(0, total);

            var parts = DiscountSpread.Split(discount, amounts);

            var context = $"round {round}: discount {discount} over [{string.Join(", ", amounts)}] gave [{string.Join(", ", parts)}]";
            Assert.True(parts.Count == count, context);
            Assert.True(parts.Sum() == discount, context);
            for (var i = 0; i < count; i++)
            {
                Assert.True(parts[i] >= 0 && parts[i] <= amounts[i], context);
                if (total == 0)
                {
                    continue;
                }

                // Each part is its exact share rounded down, or one more than that.
                var exact = (Int128)discount * amounts[i];
                var floor = (long)(exact / total);
                Assert.True(parts[i] == floor || parts[i] == floor + 1, context);
            }

            AssertLargestRemainderOrder(discount, amounts, total, parts, context);
            Assert.Equal(parts, DiscountSpread.Split(discount, amounts));
        }
    }

    /// <summary>Every line that got an extra unit has a larger remainder than every line that did not, or an equal one and comes first.</summary>
    private static void AssertLargestRemainderOrder(long discount, long[] amounts, long total, IReadOnlyList<long> parts, string context)
    {
        if (total == 0)
        {
            return;
        }

        var remainder = amounts.Select(a => (Int128)discount * a % total).ToArray();
        var bumped = Enumerable.Range(0, amounts.Length)
            .Select(i => parts[i] > (long)((Int128)discount * amounts[i] / total))
            .ToArray();
        for (var i = 0; i < amounts.Length; i++)
        {
            for (var j = 0; j < amounts.Length; j++)
            {
                if (bumped[i] && !bumped[j])
                {
                    Assert.True(remainder[i] > remainder[j] || (remainder[i] == remainder[j] && i < j), context);
                }
            }
        }
    }
}
