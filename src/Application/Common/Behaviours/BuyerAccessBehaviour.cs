using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Application.Common.Behaviours;

/// <summary>
/// Before anything else looks at a buyer's request: there must be a signed-in user who exists
/// (R9, else not_logged_in) and is active (R10, else not_authorized). An anonymous caller is
/// refused without a database read. Only the body's JSON is read before this, as in AnQiCMS.
/// </summary>
internal sealed class BuyerAccessBehaviour<TRequest, TResponse>(SignedInBuyer buyer)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IBuyerRequest
    where TResponse : IUseCaseResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var account = await buyer.FindAsync(cancellationToken);
        if (account is null)
        {
            return TResponse.FromError(Error.Of(ErrorCode.NotLoggedIn));
        }

        if (!account.IsActive)
        {
            return TResponse.FromError(Error.Of(ErrorCode.NotAuthorized));
        }

        return await next();
    }
}
