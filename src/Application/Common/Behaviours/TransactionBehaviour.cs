using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Messaging;

namespace OrderPlatform.Application.Common.Behaviours;

/// <summary>
/// Innermost behaviour, commands only: the command runs as one unit of work. It starts on a clean
/// slate and is retried whole on a transient fault; its database transaction begins only at its
/// write step (<see cref="IUnitOfWork.WriteAsync(Func{CancellationToken, Task{Result}}, CancellationToken)"/>), so reading and deciding never hold the write
/// lock and a refused command writes nothing.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand
    where TResponse : IUseCaseResult
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return unitOfWork.RunAsync(() => next(), cancellationToken);
    }
}
