using System.Globalization;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Api.Authentication;

/// <summary>The current user as the request's authentication established it.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    public long? UserId =>
        http.HttpContext?.User.FindFirst(AnqiTokenAuthentication.UserIdClaim)?.Value is { } id
            ? long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
