using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Domain.UnitTests.Orders;

/// <summary>An order is decided first and identified when it is written, so a refused order never uses an id.</summary>
public sealed class OrderIdentityTests
{
    [Fact]
    public void R52_a_placed_order_has_no_number_until_it_is_given_its_id()
    {
        var order = Order.Place(Build.Placement(), [Build.Line(188, 9900)], Build.PlacedAt).Value;

        Assert.Equal(string.Empty, order.Number);

        order.AssignId(new OrderId(46));

        Assert.Equal(new OrderId(46), order.Id);
        Assert.Equal("202211232209080046", order.Number);
    }

    [Fact]
    public void R54_the_custom_form_link_is_filled_in_when_the_order_gets_its_number()
    {
        var line = Build.Line(189, 1990) with { CustomFormUrlTemplate = "https://forms.example.com/?order={order_id}" };
        var order = Order.Place(Build.Placement(), [line], Build.PlacedAt).Value;

        Assert.Null(order.CustomFormUrl);

        order.AssignId(new OrderId(7));

        Assert.Equal("https://forms.example.com/?order=202211232209080007", order.CustomFormUrl);
    }

    [Fact]
    public void An_order_is_identified_once()
    {
        var order = Build.Placed(Build.Placement(), Build.Line(188, 9900));

        Assert.Throws<DomainException>(() => order.AssignId(new OrderId(47)));
        Assert.Equal("202211232209080046", order.Number);
    }
}
