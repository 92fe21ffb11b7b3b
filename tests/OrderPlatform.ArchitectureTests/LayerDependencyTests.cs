using System.Reflection;
using static OrderPlatform.ArchitectureTests.ProjectAssemblies;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// The layer arrows of docs/design/architecture.md ("Layers"), checked on the assemblies' metadata
/// references. GetReferencedAssemblies lists direct references only (the assemblies whose types the
/// compiled code uses), which is what these arrows constrain.
/// </summary>
public sealed class LayerDependencyTests
{
    private const string EntityFrameworkCore = "Microsoft.EntityFrameworkCore";
    private const string AspNetCore = "Microsoft.AspNetCore";

    [Fact]
    public void Domain_references_only_the_base_class_library()
    {
        // No project and no package: only System.*, netstandard or mscorlib. This also keeps
        // Microsoft.Extensions.* (and with it an injected clock) out of the Domain.
        var offending = ReferencedNames(DomainAssembly)
            .Where(name => !IsOrUnder(name, "System") && name is not ("netstandard" or "mscorlib"))
            .Select(name => $"{DomainName} references {name}");

        Violations.AssertNone($"{DomainName} may reference only System.*, netstandard and mscorlib.", offending);
    }

    [Fact]
    public void Application_references_the_domain()
    {
        Assert.True(
            ReferencedNames(ApplicationAssembly).Contains(DomainName, StringComparer.Ordinal),
            $"{ApplicationName} is expected to reference {DomainName}; it references: {string.Join(", ", ReferencedNames(ApplicationAssembly))}");
    }

    [Fact]
    public void Application_does_not_reference_infrastructure_api_ef_core_or_asp_net_core()
    {
        var offending = Forbidden(ApplicationAssembly, [InfrastructureName, ApiName, EntityFrameworkCore, AspNetCore]);

        Violations.AssertNone(
            $"{ApplicationName} must not reference {InfrastructureName}, {ApiName}, {EntityFrameworkCore}* or {AspNetCore}*.",
            offending);
    }

    [Fact]
    public void Infrastructure_does_not_reference_api_or_asp_net_core()
    {
        var offending = Forbidden(InfrastructureAssembly, [ApiName, AspNetCore]);

        Violations.AssertNone($"{InfrastructureName} must not reference {ApiName} or {AspNetCore}*.", offending);
    }

    [Fact]
    public void Api_is_the_composition_root_and_references_application_and_infrastructure()
    {
        // The Api may reference every layer; this only pins that the assemblies checked above are the
        // ones the host is built from.
        var references = ReferencedNames(ApiAssembly);

        Assert.True(
            references.Contains(ApplicationName, StringComparer.Ordinal) && references.Contains(InfrastructureName, StringComparer.Ordinal),
            $"{ApiName} is expected to reference {ApplicationName} and {InfrastructureName}; it references: {string.Join(", ", references)}");
    }

    private static IEnumerable<string> Forbidden(Assembly assembly, IReadOnlyList<string> forbiddenPrefixes) =>
        ReferencedNames(assembly)
            .Where(name => forbiddenPrefixes.Any(prefix => IsOrUnder(name, prefix)))
            .Select(name => $"{assembly.GetName().Name} references {name}");
}
