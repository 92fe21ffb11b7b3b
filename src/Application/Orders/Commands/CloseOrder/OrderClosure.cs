using OrderPlatform.Application.Common.Messaging;

namespace OrderPlatform.Application.Orders.Commands.CloseOrder;

/// <summary>
/// What the close job did with one order: closed it, or left it because it was no longer waiting
/// or not yet overdue (another instance closed it, the buyer cancelled, or it was paid), which is
/// not an error (R64).
/// </summary>
public sealed record OrderClosure(string OrderNumber, bool Closed) : IReferencedResult
{
    string IReferencedResult.Reference => OrderNumber;
}
