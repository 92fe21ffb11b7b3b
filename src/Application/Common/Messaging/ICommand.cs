using MediatR;

namespace OrderPlatform.Application.Common.Messaging;

/// <summary>A request that changes state: it runs as one unit of work whose write step is its only database transaction (TransactionBehaviour).</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommand
{
}

/// <summary>Marks commands for the pipeline's generic constraints.</summary>
public interface ICommand
{
}
