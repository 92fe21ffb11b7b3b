using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Application.Orders.Queries.GetOrderDetail;
using OrderPlatform.Application.Orders.Queries.ListOrders;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// R61, R62: the queries read only the current buyer's orders from the read model, check their
/// parameters first, and never open a unit of work (no transaction behaviour on the query side, R67).
/// </summary>
public sealed class OrderQueryTests
{
    private static readonly OrderDto Found = new() { Id = 46, OrderId = "202211232209080046", UserId = World.BuyerId };

    private readonly LifecycleHarness _harness = new();

    [Fact]
    public async Task R61_an_order_is_read_by_number_for_the_signed_in_buyer_without_a_unit_of_work()
    {
        _harness.ReadModel.FindByNumberAsync(World.BuyerId, Found.OrderId, Arg.Any<CancellationToken>()).Returns(Found);

        var order = World.Succeeded(await _harness.SendAsync(new GetOrderDetailQuery(Found.OrderId, "7")));

        Assert.Same(Found, order);
        Assert.Equal(0, _harness.UnitOfWork.Commands);
        await _harness.ReadModel.DidNotReceiveWithAnyArgs().FindByIdAsync(default, default, default);
    }

    [Fact]
    public async Task R61_an_order_is_read_by_id_when_no_number_is_given()
    {
        _harness.ReadModel.FindByIdAsync(World.BuyerId, 46, Arg.Any<CancellationToken>()).Returns(Found);

        Assert.Same(Found, World.Succeeded(await _harness.SendAsync(new GetOrderDetailQuery(null, "46"))));
    }

    [Theory]
    [InlineData("202211232209080046", null, "order_id")]
    [InlineData(null, "46", "id")]
    public async Task R61_an_order_the_read_model_does_not_find_for_this_buyer_is_order_not_found(string? number, string? id, string field)
    {
        World.Refused(await _harness.SendAsync(new GetOrderDetailQuery(number, id)), ErrorCode.OrderNotFound, field);
    }

    [Theory]
    [InlineData(null, null, "order_id")]
    [InlineData("", null, "order_id")]
    [InlineData("abc", "46", "order_id")]
    [InlineData(null, "", "id")]
    [InlineData(null, "0", "id")]
    [InlineData(null, "-3", "id")]
    [InlineData(null, "4.5", "id")]
    [InlineData(null, "99999999999999999999", "id")]
    public async Task R61_no_or_a_malformed_order_reference_is_invalid_order_id_before_any_read(string? number, string? id, string field)
    {
        World.Refused(await _harness.SendAsync(new GetOrderDetailQuery(number, id)), ErrorCode.InvalidOrderId, field);

        Assert.Empty(_harness.ReadModel.ReceivedCalls());
    }

    [Fact]
    public async Task R9_an_anonymous_caller_reads_nothing()
    {
        _harness.CurrentUserId = null;

        World.Refused(await _harness.SendAsync(new GetOrderDetailQuery(Found.OrderId, null)), ErrorCode.NotLoggedIn, null);

        Assert.Empty(_harness.ReadModel.ReceivedCalls());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("waiting", OrderStatus.PendingPayment)]
    [InlineData("paid", OrderStatus.Paid)]
    [InlineData("delivery", OrderStatus.Shipped)]
    [InlineData("finished", OrderStatus.Completed)]
    [InlineData("refunding", OrderStatus.Refunding)]
    [InlineData("canceled", OrderStatus.Cancelled)]
    public async Task R62_each_status_name_filters_the_buyers_orders_by_its_status(string? name, OrderStatus? status)
    {
        var page = new OrderPage([Found], 1);
        _harness.ReadModel.ListAsync(World.BuyerId, status, Arg.Any<PageRequest>(), Arg.Any<CancellationToken>()).Returns(page);

        var listed = await _harness.SendAsync(new ListOrdersQuery(name, null, null));

        Assert.Same(page, listed.Value);
        Assert.Equal(0, _harness.UnitOfWork.Commands);
    }

    [Theory]
    [InlineData("Waiting")]
    [InlineData("cancelled")]
    [InlineData("0")]
    [InlineData("all")]
    public async Task R62_an_unknown_status_is_invalid_status(string name)
    {
        var refused = await _harness.SendAsync(new ListOrdersQuery(name, null, null));

        Assert.Equal((ErrorCode.InvalidStatus, "status"), (refused.Error!.Code, refused.Error.Field));
        Assert.Empty(_harness.ReadModel.ReceivedCalls());
    }

    [Theory]
    [InlineData(null, null, 1, 10)]
    [InlineData(0, 0, 1, 10)]
    [InlineData(-5, -1, 1, 10)]
    [InlineData(3, 20, 3, 20)]
    [InlineData(2, 100, 2, 100)]
    [InlineData(2, 101, 2, 100)]
    [InlineData(1, int.MaxValue, 1, 100)]
    public async Task R62_pages_count_from_1_and_hold_10_by_default_and_100_at_most(int? current, int? pageSize, int number, int size)
    {
        _harness.ReadModel.ListAsync(default, default, default!, default).ReturnsForAnyArgs(new OrderPage([], 0));

        await _harness.SendAsync(new ListOrdersQuery(null, current, pageSize));

        await _harness.ReadModel.Received(1).ListAsync(
            World.BuyerId,
            null,
            Arg.Is<PageRequest>(p => p.Number == number && p.Size == size && p.Skip == (number - 1) * size),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public void R62_the_furthest_page_still_has_an_offset_that_fits()
    {
        var last = PageRequest.Of(int.MaxValue, int.MaxValue);

        Assert.True(last.Skip >= 0);
        Assert.Equal(PageRequest.MaxSize, last.Size);
    }
}
