namespace OrderPlatform.Application.Common.Security;

/// <summary>
/// Who is calling, as the edge established it: over HTTP the authentication handler reads the
/// token (R7, R8) before anything else runs; an in-process caller names the user it acts for
/// (<see cref="InProcessCaller"/>). The only way Application learns the user.
/// </summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's id, or null for an anonymous caller.</summary>
    long? UserId { get; }
}
