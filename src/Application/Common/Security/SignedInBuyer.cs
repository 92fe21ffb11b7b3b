using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Application.Common.Security;

/// <summary>
/// The current user's account, read once per request: the buyer check (R9, R10) and the command's
/// own reads share it instead of each asking the database again.
/// </summary>
internal sealed class SignedInBuyer(ICurrentUser currentUser, IUserDirectory users)
{
    private Task<UserAccount?>? _account;

    /// <summary>The account, or null for an anonymous caller or a user that does not exist.</summary>
    public Task<UserAccount?> FindAsync(CancellationToken cancellationToken) =>
        _account ??= currentUser.UserId is { } id ? users.FindUserAsync(id, cancellationToken) : Task.FromResult<UserAccount?>(null);

    /// <summary>The account of a buyer the pipeline has already let through.</summary>
    public async Task<UserAccount> RequireAsync(CancellationToken cancellationToken) =>
        await FindAsync(cancellationToken)
        ?? throw new InvalidOperationException("No signed-in buyer: the request did not pass BuyerAccessBehaviour.");
}
