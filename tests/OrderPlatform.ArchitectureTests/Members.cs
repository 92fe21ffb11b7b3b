using System.Reflection;
using System.Runtime.CompilerServices;

namespace OrderPlatform.ArchitectureTests;

/// <summary>Reflection helpers shared by the immutability and convention tests.</summary>
internal static class Members
{
    private const BindingFlags AllPublic = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>An init accessor carries IsExternalInit as a required modifier on its return value.</summary>
    public static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>
    /// The public properties of <paramref name="type"/> declared in its own assembly: a setter a base class
    /// from another assembly (e.g. Exception.HelpLink) declares is outside this project's control.
    /// </summary>
    public static IEnumerable<PropertyInfo> OwnPublicProperties(Type type) =>
        type.GetProperties(AllPublic).Where(property => property.DeclaringType?.Assembly == type.Assembly);

    /// <summary>Public fields declared in the type's own assembly that can be assigned after construction.</summary>
    public static IEnumerable<FieldInfo> OwnWritablePublicFields(Type type) =>
        type.GetFields(AllPublic)
            .Where(field => field.DeclaringType?.Assembly == type.Assembly)
            .Where(field => field is { IsInitOnly: false, IsLiteral: false });

    /// <summary>True when <paramref name="type"/> implements some closed form of the open generic <paramref name="genericInterface"/>, e.g. IRequestHandler&lt;,&gt;.</summary>
    public static bool Implements(Type type, Type genericInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface);

    public static string NameOf(Type type) => type.FullName ?? type.Name;

    public static string NameOf(MemberInfo member) =>
        $"{NameOf(member.ReflectedType ?? member.DeclaringType!)}.{member.Name}";

    /// <summary>
    /// The type itself plus what it is built from: array elements, Nullable underlying types and generic
    /// arguments, so IReadOnlyList&lt;CreateOrderDetail&gt; yields CreateOrderDetail.
    /// </summary>
    public static IEnumerable<Type> ComponentTypes(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in ComponentTypes(element))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(ComponentTypes))
            {
                yield return inner;
            }
        }
    }
}
