using OrderPlatform.Application.Common.Messaging;
using OrderPlatform.Application.Orders.Commands.CreateOrder;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// A command is built once from the request and then only read, by the validator, the pipeline and the
/// handler. So every public property of a command, and of the request-part types it is made of (those in
/// the command's own namespace, such as CreateOrderDetail and CreateOrderAddress), is get-only or init-only.
/// </summary>
public sealed class CommandImmutabilityTests
{
    [Fact]
    public void Commands_and_their_request_parts_have_no_setter_other_than_init()
    {
        var offending = CommandTypesAndParts()
            .SelectMany(Members.OwnPublicProperties)
            .Where(property => property.SetMethod is { } setter && !Members.IsInitOnly(setter))
            .Select(property => $"{Members.NameOf(property)} has a {Accessibility(property.SetMethod!)} set accessor");

        Violations.AssertNone("Public properties of commands and their request parts must be get-only or init-only.", offending);
    }

    [Fact]
    public void Commands_and_their_request_parts_have_no_writable_public_field()
    {
        var offending = CommandTypesAndParts()
            .SelectMany(Members.OwnWritablePublicFields)
            .Select(field => $"{Members.NameOf(field)} is a public field that is not readonly");

        Violations.AssertNone("Commands and their request parts must not expose writable public fields.", offending);
    }

    [Fact]
    public void The_scan_finds_the_commands_and_their_nested_request_parts()
    {
        // Guards the two tests above against passing because they looked at nothing.
        var scanned = CommandTypesAndParts();

        Assert.Contains(typeof(CreateOrderCommand), scanned);
        Assert.Contains(typeof(CreateOrderDetail), scanned);
        Assert.Contains(typeof(CreateOrderAddress), scanned);
    }

    /// <summary>
    /// The concrete types implementing ICommand, plus, transitively, the types their properties are made
    /// of when those live in the same assembly and namespace as the command.
    /// </summary>
    private static List<Type> CommandTypesAndParts()
    {
        var commands = ProjectAssemblies.ApplicationAssembly.GetTypes()
            .Where(type => type is { IsInterface: false, IsAbstract: false } && typeof(ICommand).IsAssignableFrom(type))
            .ToArray();

        var found = new List<Type>();
        var seen = new HashSet<Type>();
        foreach (var command in commands)
        {
            var pending = new Stack<Type>([command]);
            while (pending.TryPop(out var type))
            {
                if (!seen.Add(type))
                {
                    continue;
                }

                found.Add(type);
                var parts = Members.OwnPublicProperties(type)
                    .SelectMany(property => Members.ComponentTypes(property.PropertyType))
                    .Where(part => part.Assembly == command.Assembly
                        && string.Equals(part.Namespace, command.Namespace, StringComparison.Ordinal)
                        && !part.IsEnum);
                foreach (var part in parts)
                {
                    pending.Push(part);
                }
            }
        }

        return found;
    }

    private static string Accessibility(System.Reflection.MethodInfo setter) => setter switch
    {
        { IsPublic: true } => "public",
        { IsFamilyOrAssembly: true } => "protected internal",
        { IsFamily: true } => "protected",
        { IsAssembly: true } => "internal",
        { IsFamilyAndAssembly: true } => "private protected",
        _ => "private",
    };
}
