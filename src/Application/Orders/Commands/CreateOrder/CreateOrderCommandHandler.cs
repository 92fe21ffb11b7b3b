using AutoMapper;
using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// Places a pending-payment order for the signed-in buyer in three steps: read what the decision
/// needs, let the order decide, then write it in one short transaction. A refusal at any step
/// writes nothing; only the write step holds the database's write lock. With an idempotency key
/// (R55), a key that already placed an order answers with that order instead.
/// </summary>
internal sealed class CreateOrderCommandHandler(
    ICreateOrderReader reader,
    TimeProvider clock,
    ICreateOrderWriter writer,
    IMapper mapper,
    IdempotencyGate idempotency)
    : IRequestHandler<CreateOrderCommand, Result<PlacedOrder>>
{
    public async Task<Result<PlacedOrder>> Handle(CreateOrderCommand request, CancellationToken cancellationToken)
    {
        if (request.Idempotency is not { } key)
        {
            return await PlaceAsync(request, cancellationToken);
        }

        var turn = await idempotency.TakeTurnAsync(key, cancellationToken);
        if (turn.Failed(out var refused))
        {
            return refused;
        }

        using (turn.Value)
        {
            return turn.Value.EarlierAnswer is { } answer
                ? new PlacedOrder(answer, Replayed: true)
                : await PlaceAsync(request, cancellationToken);
        }
    }

    private async Task<Result<PlacedOrder>> PlaceAsync(CreateOrderCommand request, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(request, cancellationToken);
        if (read.Failed(out var error))
        {
            return error;
        }

        var inputs = read.Value;
        var placed = Order.Place(inputs.Placement, inputs.Lines.Drafts, clock.GetUtcNow());
        if (!placed.IsSuccess)
        {
            return inputs.RefusalOf(placed.Error!);
        }

        var order = placed.Value;
        var written = await writer.WriteAsync(order, inputs, request.Idempotency, cancellationToken);
        return written.Failed(out error) ? error : new PlacedOrder(mapper.Map<OrderDto>(order), Replayed: false);
    }
}
