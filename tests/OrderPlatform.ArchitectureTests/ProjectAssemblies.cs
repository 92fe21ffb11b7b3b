using System.Reflection;

namespace OrderPlatform.ArchitectureTests;

/// <summary>The four project assemblies, loaded by name so the tests state the layer names they check.</summary>
internal static class ProjectAssemblies
{
    public const string DomainName = "OrderPlatform.Domain";
    public const string ApplicationName = "OrderPlatform.Application";
    public const string InfrastructureName = "OrderPlatform.Infrastructure";
    public const string ApiName = "OrderPlatform.Api";

    public static Assembly DomainAssembly { get; } = Load(DomainName);

    public static Assembly ApplicationAssembly { get; } = Load(ApplicationName);

    public static Assembly InfrastructureAssembly { get; } = Load(InfrastructureName);

    public static Assembly ApiAssembly { get; } = Load(ApiName);

    /// <summary>The simple names of the assemblies <paramref name="assembly"/> references in its metadata.</summary>
    public static IReadOnlyList<string> ReferencedNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name ?? string.Empty)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>True when <paramref name="name"/> is <paramref name="prefix"/> or starts with it followed by a dot.</summary>
    public static bool IsOrUnder(string name, string prefix) =>
        string.Equals(name, prefix, StringComparison.Ordinal)
        || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}
