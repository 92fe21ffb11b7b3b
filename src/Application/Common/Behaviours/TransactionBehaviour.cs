using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Messaging;

namespace OrderPlatform.Application.Common.Behaviours;

/// <summary>
/// Innermost behaviour, commands only: the handler runs in one transaction that commits only on
/// success, so a refused command writes nothing.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(ITransactionRunner transactions)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand
    where TResponse : IUseCaseResult
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return transactions.RunAsync(_ => next(), cancellationToken);
    }
}
