using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Http;
using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// Identity is established once, at the HTTP edge: the authentication handler reads the token, and
/// everything after it learns the user through ICurrentUser. A request never carries a user id the
/// client could choose (R12).
/// </summary>
public sealed class IdentityTests
{
    private const string Authentication = "OrderPlatform.Api.Authentication";

    [Fact]
    public void Requests_carry_no_user_id()
    {
        var requests = ProjectAssemblies.ApplicationAssembly.GetTypes()
            .Where(type => Members.Implements(type, typeof(IRequest<>)))
            .ToArray();
        Assert.Contains(requests, request => request.Name == "CreateOrderCommand");

        var offending = requests
            .SelectMany(Members.OwnPublicProperties)
            .Where(property => property.Name.EndsWith("UserId", StringComparison.Ordinal) || property.Name.EndsWith("BuyerId", StringComparison.Ordinal))
            .Select(property => $"{Members.NameOf(property)} carries a user id");

        Violations.AssertNone("The user comes from ICurrentUser, never from the request.", offending);
    }

    [Fact]
    public void Only_the_authentication_handler_reads_tokens()
    {
        var readers = References()
            .Where(reference => reference.Target.DeclaringType == typeof(ITokenService) && reference.Target.Name == nameof(ITokenService.Read))
            .Select(reference => reference.Writer)
            .ToArray();

        Assert.Contains(readers, writer => writer.Namespace == Authentication);
        Violations.AssertNone(
            $"Tokens are read only by the authentication handler in {Authentication}.",
            readers.Where(writer => writer.Namespace != Authentication).Select(writer => $"{Members.NameOf(writer)} reads a token"));
    }

    [Fact]
    public void Outside_the_edge_nothing_reads_claims_or_the_http_user()
    {
        var identityReads = References().Where(reference => ReadsIdentity(reference.Target)).ToArray();
        Assert.Contains(identityReads, reference => reference.Writer.Name == "HttpCurrentUser");

        var offending = identityReads
            .Where(reference => reference.Writer.Namespace != Authentication)
            .Select(reference => $"{Members.NameOf(reference.Writer)} uses {Members.NameOf(reference.Target)}");

        Violations.AssertNone($"Only {Authentication} reads claims; everything else asks ICurrentUser.", offending);
    }

    private static IEnumerable<MethodBodies.Reference> References() =>
        new[] { ProjectAssemblies.ApplicationAssembly, ProjectAssemblies.InfrastructureAssembly, ProjectAssemblies.ApiAssembly }
            .SelectMany(MethodBodies.ReferencesIn);

    private static bool ReadsIdentity(MethodBase target) =>
        target.DeclaringType?.Namespace == "System.Security.Claims"
        || (typeof(HttpContext).IsAssignableFrom(target.DeclaringType) && target.Name == "get_User");
}
