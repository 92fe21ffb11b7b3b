using Microsoft.EntityFrameworkCore;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// One unit of work: only it saves changes. Ports stage changes or run guarded set-based updates,
/// so a command's writes are saved together, inside its write step, or not at all.
/// </summary>
public sealed class UnitOfWorkTests
{
    private const string UnitOfWork = "OrderPlatform.Infrastructure.Persistence.EfUnitOfWork";

    /// <summary>Code that may save outside a command, and why.</summary>
    private static readonly Dictionary<string, string> AllowedOutsideCommands = new(StringComparer.Ordinal)
    {
        ["OrderPlatform.Infrastructure.Seeding.DemoDataSeeder"] = "fills an empty database at start, before any command runs",
    };

    [Fact]
    public void Only_the_unit_of_work_saves_changes()
    {
        var offending = SaveCalls()
            .Select(reference => reference.Writer)
            .Where(writer => writer.FullName != UnitOfWork && !AllowedOutsideCommands.ContainsKey(writer.FullName!) && !typeof(DbContext).IsAssignableFrom(writer))
            .Select(writer => $"{Members.NameOf(writer)} calls SaveChanges");

        Violations.AssertNone("Only the unit of work (EfUnitOfWork) calls SaveChanges; ports stage changes or run guarded updates.", offending);
    }

    [Fact]
    public void The_scan_sees_the_unit_of_work_save()
    {
        Assert.Contains(SaveCalls(), reference => reference.Writer.FullName == UnitOfWork);
    }

    private static IEnumerable<MethodBodies.Reference> SaveCalls() =>
        new[] { ProjectAssemblies.ApplicationAssembly, ProjectAssemblies.InfrastructureAssembly, ProjectAssemblies.ApiAssembly }
            .SelectMany(MethodBodies.ReferencesIn)
            .Where(reference => reference.Target.Name.StartsWith("SaveChanges", StringComparison.Ordinal)
                && typeof(DbContext).IsAssignableFrom(reference.Target.DeclaringType));
}
