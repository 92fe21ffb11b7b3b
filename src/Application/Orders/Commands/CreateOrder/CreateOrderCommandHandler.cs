using AutoMapper;
using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Orders.Dtos;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Application.Orders.Commands.CreateOrder;

/// <summary>
/// Places a pending-payment order for the signed-in buyer in three steps: read what the decision
/// needs, let the order decide, then write it in one short transaction. A refusal at any step
/// writes nothing; only the write step holds the database's write lock.
/// </summary>
internal sealed class CreateOrderCommandHandler(ICreateOrderReader reader, TimeProvider clock, ICreateOrderWriter writer, IMapper mapper)
    : IRequestHandler<CreateOrderCommand, Result<OrderDto>>
{
    public async Task<Result<OrderDto>> Handle(CreateOrderCommand request, CancellationToken cancellationToken)
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
        var written = await writer.WriteAsync(order, inputs, cancellationToken);
        return written.Failed(out error) ? error : mapper.Map<OrderDto>(order);
    }
}
