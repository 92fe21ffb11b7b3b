using NSubstitute;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Orders.Commands.CreateOrder;
using static OrderPlatform.Application.UnitTests.World;

namespace OrderPlatform.Application.UnitTests;

/// <summary>
/// R55 in the create command: a new key is recorded with the answer in the order's write step; a
/// recorded key replays that answer without reading or writing anything; another request under
/// the key is refused; a refused request records nothing.
/// </summary>
public sealed class CreateOrderIdempotencyTests
{
    private readonly HandlerHarness _harness = new();

    [Fact]
    public async Task R55_a_new_key_is_recorded_with_the_answer_the_order_got()
    {
        var order = Succeeded(await _harness.SendAsync(SingleProduct("first", "body-a")));

        var recorded = await _harness.IdempotencyRecords.FindAsync(BuyerId, "first", CancellationToken.None);

        Assert.Equal("body-a", recorded!.Fingerprint);
        Assert.Equal(order.OrderId, recorded.Order.OrderId);
        Assert.Equal(order.Amount, recorded.Order.Amount);
    }

    [Fact]
    public async Task R55_a_repeat_replays_the_recorded_answer_without_reading_or_writing()
    {
        var first = Succeeded(await _harness.SendAsync(SingleProduct("repeat", "body-a")));
        _harness.Catalog.ClearReceivedCalls();

        var repeat = Succeeded(await _harness.SendAsync(SingleProduct("repeat", "body-a")));

        Assert.Equal(first.OrderId, repeat.OrderId);
        Assert.Equal(1, _harness.UnitOfWork.WriteSteps);
        Assert.Empty(_harness.Catalog.ReceivedCalls());
    }

    [Fact]
    public async Task R55_another_request_under_a_recorded_key_is_refused_as_reused()
    {
        Succeeded(await _harness.SendAsync(SingleProduct("reused", "body-a")));

        Refused(await _harness.SendAsync(SingleProduct("reused", "body-b")), ErrorCode.IdempotencyKeyReused, field: null);

        Assert.Equal(1, _harness.UnitOfWork.WriteSteps);
    }

    [Fact]
    public async Task R55_a_refused_request_records_no_key()
    {
        Refused(await _harness.SendAsync(new CreateOrderCommand { GoodsId = 404, Idempotency = new IdempotencyKey("refused", "body-a") }), ErrorCode.GoodsNotFound, "goods_id");

        Assert.Equal(0, _harness.IdempotencyRecords.Count);
    }

    [Theory]
    [InlineData("k", true)]
    [InlineData(" ~!az09", true)]
    [InlineData("", false)]
    [InlineData("tab\there", false)]
    [InlineData("new\nline", false)]
    [InlineData("del\u007f", false)]
    [InlineData("é", false)]
    public void R55_a_key_is_1_to_255_printable_ASCII_characters(string key, bool wellFormed)
    {
        Assert.Equal(wellFormed, IdempotencyKey.IsWellFormed(key));
    }

    [Fact]
    public void R55_a_key_of_255_characters_is_well_formed_and_of_256_is_not()
    {
        Assert.True(IdempotencyKey.IsWellFormed(new string('k', IdempotencyKey.MaxLength)));
        Assert.False(IdempotencyKey.IsWellFormed(new string('k', IdempotencyKey.MaxLength + 1)));
        Assert.Throws<ArgumentException>(() => new IdempotencyKey(new string('k', IdempotencyKey.MaxLength + 1), "body"));
    }

    [Fact]
    public void R55_while_this_process_holds_a_key_it_cannot_be_held_again_until_released()
    {
        var inFlight = new KeysInFlight();

        using (inFlight.TryHold(BuyerId, "held"))
        {
            Assert.Null(inFlight.TryHold(BuyerId, "held"));
            using var otherBuyer = inFlight.TryHold(ParentId, "held");
            Assert.NotNull(otherBuyer);
        }

        using var again = inFlight.TryHold(BuyerId, "held");
        Assert.NotNull(again);
    }

    private static CreateOrderCommand SingleProduct(string key, string fingerprint) =>
        new() { GoodsId = Plain.Id, Idempotency = new IdempotencyKey(key, fingerprint) };
}
