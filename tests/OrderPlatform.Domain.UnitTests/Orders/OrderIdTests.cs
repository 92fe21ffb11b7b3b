using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

public sealed class OrderIdTests
{
    [Fact]
    public void R52_order_id_keeps_a_positive_value()
    {
        var id = new OrderId(46);

        Assert.Equal(46, id.Value);
        Assert.Equal("46", id.ToString());
        Assert.Equal(new OrderId(46), id);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void R52_order_id_must_be_positive(long value)
    {
        Assert.Throws<DomainException>(() => new OrderId(value));
    }
}
