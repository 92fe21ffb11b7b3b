using System.Reflection;
using System.Runtime.CompilerServices;
using OrderPlatform.Application.Common.Errors;
using OrderPlatform.Domain.Common;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// One error style: a step that can be refused returns Result or Result&lt;T&gt; (DomainResult in the
/// Domain), which the caller checks with Failed(out var error). No tuple carries an error beside a
/// value, and no method answers with a bare "maybe an error".
/// </summary>
public sealed class ErrorStyleTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Type[] ErrorTypes = [typeof(Error), typeof(DomainError)];

    [Fact]
    public void No_method_returns_a_tuple_that_carries_an_error()
    {
        var offending = Methods()
            .Where(method => Unwrapped(method.ReturnType) is var returned
                && typeof(ITuple).IsAssignableFrom(returned)
                && Members.ComponentTypes(returned).Any(ErrorTypes.Contains))
            .Select(method => $"{Members.NameOf(method)} returns {method.ReturnType}");

        Violations.AssertNone("Return Result or Result<T> (DomainResult in the Domain), not a tuple with an error in it.", offending);
    }

    [Fact]
    public void No_method_returns_a_bare_error_that_may_be_null()
    {
        var nullability = new NullabilityInfoContext();
        var offending = Methods()
            .Where(method => !method.IsSpecialName && ReturnsMaybeError(method, nullability))
            .Select(method => $"{Members.NameOf(method)} returns a nullable {Unwrapped(method.ReturnType).Name}");

        Violations.AssertNone("A step that may refuse returns Result (or DomainResult), not Error? / DomainError?.", offending);
    }

    [Fact]
    public void The_scan_reads_the_methods_of_every_layer()
    {
        Assert.Contains(Methods(), method => method.Name == "ReadAsync" && method.DeclaringType!.Name == "CreateOrderReader");
        Assert.Contains(Methods(), method => method.Name == "Place" && method.DeclaringType!.Name == "Order");
        Assert.Contains(Methods(), method => method.Name == "ReadAsync" && method.DeclaringType!.Name == "JsonBody");
    }

    private static IEnumerable<MethodInfo> Methods() =>
        new[] { ProjectAssemblies.DomainAssembly, ProjectAssemblies.ApplicationAssembly, ProjectAssemblies.InfrastructureAssembly, ProjectAssemblies.ApiAssembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !MethodBodies.IsCompilerGenerated(type))
            .SelectMany(type => type.GetMethods(Declared))
            .Where(method => !method.Name.StartsWith('<'));

    private static bool ReturnsMaybeError(MethodInfo method, NullabilityInfoContext nullability)
    {
        var returned = nullability.Create(method.ReturnParameter);
        if (returned.Type.IsGenericType && Unwrapped(returned.Type) != returned.Type)
        {
            returned = returned.GenericTypeArguments[0];
        }

        return ErrorTypes.Contains(returned.Type) && returned.ReadState == NullabilityState.Nullable;
    }

    /// <summary>The value a method returns, through Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
    private static Type Unwrapped(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0]
            : type;
}
