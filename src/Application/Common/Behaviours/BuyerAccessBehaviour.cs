using MediatR;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Application.Common.Behaviours;

/// <summary>
/// Before anything else looks at a buyer's request: the token's user must exist (R9, else
/// not_logged_in) and be active (R10, else not_authorized). Only the body's JSON is read before
/// this, as in AnQiCMS.
/// </summary>
internal sealed class BuyerAccessBehaviour<TRequest, TResponse>(IUserDirectory users, CurrentBuyer currentBuyer)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IBuyerRequest
    where TResponse : IUseCaseResult<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var buyer = await users.FindUserAsync(request.BuyerId, cancellationToken);
        if (buyer is null)
        {
            return TResponse.FromError(Error.Of(ErrorCode.NotLoggedIn));
        }

        if (!buyer.IsActive)
        {
            return TResponse.FromError(Error.Of(ErrorCode.NotAuthorized));
        }

        currentBuyer.SignIn(buyer);
        return await next();
    }
}
