using MediatR;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Scheduling;

namespace OrderPlatform.Application.Orders.Commands.CloseOrder;

/// <summary>
/// R64: closes the orders whose payment deadline has passed, earliest deadline first, in batches
/// of at most 100, each through <see cref="CloseOrderCommand"/> in its own short transaction.
/// Several instances may sweep at once: the guarded change lets exactly one close each order, and
/// the others count it as skipped. Off when Orders:AutoCloseMinutes is 0.
/// </summary>
internal sealed class OverdueOrderSweep(IOrderRepository orders, IMediator mediator, TimeProvider clock, OrderSettings settings) : IScheduledSweep
{
    public const int BatchSize = 100;

    public async Task<SweepReport> RunAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        var skipped = 0;
        if (settings.PaymentWindow is null)
        {
            return new SweepReport(nameof(OverdueOrderSweep), closed, skipped);
        }

        while (true)
        {
            var due = await orders.FindOverdueAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
            var closedInBatch = 0;
            foreach (var id in due)
            {
                var outcome = await mediator.Send(new CloseOrderCommand(id), cancellationToken);
                if (outcome is { IsSuccess: true, Value.Closed: true })
                {
                    closedInBatch++;
                }
                else
                {
                    skipped++;
                }
            }

            closed += closedInBatch;

            // A short batch is the last one; a batch that closed nothing would only be read again.
            if (due.Count < BatchSize || closedInBatch == 0)
            {
                return new SweepReport(nameof(OverdueOrderSweep), closed, skipped);
            }
        }
    }
}
