using OrderPlatform.Application.Common.Behaviours;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Application.Common.Security;

/// <summary>The signed-in buyer of the request being handled, as <see cref="BuyerAccessBehaviour{TRequest, TResponse}"/> found them.</summary>
internal sealed class CurrentBuyer
{
    private UserAccount? _account;

    public UserAccount Account => _account ?? throw new InvalidOperationException("No buyer: the request did not pass BuyerAccessBehaviour.");

    public void SignIn(UserAccount account) => _account = account ?? throw new ArgumentNullException(nameof(account));
}
