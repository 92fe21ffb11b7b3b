using System.Reflection;
using OrderPlatform.Domain.Common;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// Domain state changes only through the aggregate's own methods: no public type in the Domain exposes a
/// setter outside the assembly (init accessors aside), and the value objects and the aggregate are created
/// through their factories, never through a public constructor.
/// </summary>
public sealed class DomainImmutabilityTests
{
    /// <summary>Value objects built only through factories such as Money.Of or Address.Create.</summary>
    public static TheoryData<Type> FactoryOnlyValueObjects { get; } =
        [typeof(Money), typeof(Address), typeof(Currency), typeof(SkuSelection), typeof(LineSnapshot)];

    /// <summary>The aggregate root and its entity: Order.Place builds both; EF Core uses their private constructors.</summary>
    public static TheoryData<Type> AggregateTypes { get; } = [typeof(Order), typeof(OrderLine)];

    [Fact]
    public void Public_domain_types_have_no_setter_visible_outside_the_domain_other_than_init()
    {
        var offending = PublicDomainTypes()
            .SelectMany(Members.OwnPublicProperties)
            .Where(property => property.SetMethod is { } setter && IsVisibleOutsideAssembly(setter) && !Members.IsInitOnly(setter))
            .Select(property => $"{Members.NameOf(property)} has a set accessor callable outside the Domain");

        Violations.AssertNone(
            "Property setters of public Domain types must be private or internal, or init-only.",
            offending);
    }

    [Fact]
    public void Public_domain_types_have_no_writable_public_field()
    {
        var offending = PublicDomainTypes()
            .SelectMany(Members.OwnWritablePublicFields)
            .Select(field => $"{Members.NameOf(field)} is a public field that is not readonly");

        Violations.AssertNone("Public Domain types must not expose writable public fields.", offending);
    }

    [Theory]
    [MemberData(nameof(FactoryOnlyValueObjects))]
    public void Value_objects_have_no_public_constructor(Type valueObject) =>
        AssertNoPublicConstructor(valueObject, "a value object is created through its static factory");

    [Theory]
    [MemberData(nameof(AggregateTypes))]
    public void Aggregate_types_have_no_public_constructor(Type aggregateType) =>
        AssertNoPublicConstructor(aggregateType, "the aggregate is created through Order.Place");

    private static IEnumerable<Type> PublicDomainTypes() =>
        ProjectAssemblies.DomainAssembly.GetTypes().Where(type => type.IsVisible && !type.IsEnum);

    /// <summary>Public, protected and protected internal accessors can be reached from another assembly.</summary>
    private static bool IsVisibleOutsideAssembly(MethodInfo method) =>
        method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static void AssertNoPublicConstructor(Type type, string reason)
    {
        var offending = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Select(constructor => $"{Members.NameOf(type)}({string.Join(", ", constructor.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"))}) is public");

        Violations.AssertNone($"{Members.NameOf(type)} must have no public constructor: {reason}.", offending);
    }
}
