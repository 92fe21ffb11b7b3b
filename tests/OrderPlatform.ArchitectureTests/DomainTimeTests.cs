using System.Reflection;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// "Time comes in as an argument" (architecture.md, Layers). Whether a method body reads DateTime.Now or
/// DateTime.UtcNow cannot be seen through reflection without reading IL, so this is not claimed here. What
/// reflection can show: no Domain type holds a clock. That the Domain cannot reach Microsoft.Extensions.*
/// (and so no injected clock abstraction from there) is asserted by
/// LayerDependencyTests.Domain_references_only_the_base_class_library.
/// </summary>
public sealed class DomainTimeTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_domain_type_has_a_time_provider_field_or_property()
    {
        // All types, compiler-generated ones included (a lambda capturing a clock becomes a field of a
        // closure class), and all fields, auto-property backing fields included.
        var types = ProjectAssemblies.DomainAssembly.GetTypes();

        var fields = types
            .SelectMany(type => type.GetFields(Declared))
            .Where(field => HoldsClock(field.FieldType))
            .Select(field => $"field {Members.NameOf(field)} is of type {field.FieldType}");
        var properties = types
            .SelectMany(type => type.GetProperties(Declared))
            .Where(property => HoldsClock(property.PropertyType))
            .Select(property => $"property {Members.NameOf(property)} is of type {property.PropertyType}");

        Violations.AssertNone(
            "No Domain type may hold a TimeProvider: the Domain takes the current time as an argument.",
            fields.Concat(properties));
    }

    /// <summary>A TimeProvider (or subclass), also wrapped, e.g. Lazy&lt;TimeProvider&gt; or TimeProvider[].</summary>
    private static bool HoldsClock(Type type) =>
        Members.ComponentTypes(type).Any(typeof(TimeProvider).IsAssignableFrom);
}
