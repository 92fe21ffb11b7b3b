using MediatR;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// Every command handler has the same three steps (docs/decisions/0005-read-decide-write.md): it is
/// given its collaborators, at most six, and never builds one itself, so each can be replaced in a test.
/// </summary>
public sealed class CommandShapeTests
{
    private const int MostDependencies = 6;

    [Fact]
    public void Request_handlers_take_at_most_six_dependencies()
    {
        var offending = Handlers()
            .SelectMany(handler => handler.GetConstructors())
            .Where(constructor => constructor.GetParameters().Length > MostDependencies)
            .Select(constructor => $"{Members.NameOf(constructor.DeclaringType!)} takes {constructor.GetParameters().Length} dependencies");

        Violations.AssertNone($"A request handler takes at most {MostDependencies} constructor dependencies.", offending);
    }

    [Fact]
    public void Request_handlers_create_no_collaborator_with_new()
    {
        var handlers = Handlers().ToHashSet();

        var offending = MethodBodies.ReferencesIn(ProjectAssemblies.ApplicationAssembly)
            .Where(reference => handlers.Contains(reference.Writer) && reference.OpCode == System.Reflection.Emit.OpCodes.Newobj)
            .Select(reference => reference.Target.DeclaringType!)
            .Where(created => created.Assembly.GetName().Name!.StartsWith("OrderPlatform.", StringComparison.Ordinal))
            .Where(created => !MethodBodies.IsCompilerGenerated(created) && !IsRecord(created))
            .Select(created => $"a handler creates {Members.NameOf(created)} with new");

        Violations.AssertNone("Request handlers are given their collaborators; they never create one with new.", offending);
    }

    [Fact]
    public void The_scan_finds_the_handlers()
    {
        Assert.Contains(Handlers(), handler => handler.Name == "CreateOrderCommandHandler");
    }

    private static IEnumerable<Type> Handlers() =>
        ProjectAssemblies.ApplicationAssembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .Where(type => Members.Implements(type, typeof(IRequestHandler<,>)));

    /// <summary>Records are values (commands, placements, errors), not collaborators.</summary>
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || type.IsValueType;
}
