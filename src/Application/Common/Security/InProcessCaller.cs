using Microsoft.Extensions.DependencyInjection;

namespace OrderPlatform.Application.Common.Security;

/// <summary>
/// For services that host the Application and Infrastructure in process and send commands through
/// IMediator: the scope a command runs in says which user it acts for, as a token does over HTTP.
/// </summary>
public static class InProcessCaller
{
    /// <summary>A service scope whose requests act for <paramref name="userId"/>; dispose it when done.</summary>
    public static AsyncServiceScope CreateScopeFor(this IServiceProvider services, long userId)
    {
        var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<ICurrentUser>() is not AssignedUser user)
        {
            scope.Dispose();
            throw new InvalidOperationException("This host establishes the current user itself (over HTTP, from the token).");
        }

        user.Assign(userId);
        return scope;
    }
}
