namespace OrderPlatform.Application.Common.Security;

/// <summary>The current user of a host without HTTP: the in-process caller names it once per scope (<see cref="InProcessCaller"/>).</summary>
internal sealed class AssignedUser : ICurrentUser
{
    public long? UserId { get; private set; }

    public void Assign(long userId)
    {
        if (UserId is not null)
        {
            throw new InvalidOperationException("This scope already acts for a user; create a new scope for another.");
        }

        UserId = userId > 0 ? userId : throw new ArgumentOutOfRangeException(nameof(userId), userId, "A user id is positive.");
    }
}
