using Microsoft.EntityFrameworkCore;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// One way to write: only the write statements save changes (EfWriteStatements, SQL Server's; SQLite's
/// run their own SQL). Ports write through them, inside a command's write step, so a command's writes
/// are committed together or not at all.
/// </summary>
public sealed class WriteStatementsTests
{
    private const string WriteStatements = "OrderPlatform.Infrastructure.Persistence.EfWriteStatements";

    /// <summary>Code that may save outside a command, and why.</summary>
    private static readonly Dictionary<string, string> AllowedOutsideCommands = new(StringComparer.Ordinal)
    {
        ["OrderPlatform.Infrastructure.Seeding.DemoDataSeeder"] = "fills an empty database at start, before any command runs",
    };

    [Fact]
    public void Only_the_write_statements_save_changes()
    {
        var offending = SaveCalls()
            .Select(reference => reference.Writer)
            .Where(writer => writer.FullName != WriteStatements && !AllowedOutsideCommands.ContainsKey(writer.FullName!) && !typeof(DbContext).IsAssignableFrom(writer))
            .Select(writer => $"{Members.NameOf(writer)} calls SaveChanges");

        Violations.AssertNone("Only the write statements (EfWriteStatements) call SaveChanges; ports write through IWriteStatements.", offending);
    }

    [Fact]
    public void The_scan_sees_the_write_statements_save()
    {
        Assert.Contains(SaveCalls(), reference => reference.Writer.FullName == WriteStatements);
    }

    private static IEnumerable<MethodBodies.Reference> SaveCalls() =>
        new[] { ProjectAssemblies.ApplicationAssembly, ProjectAssemblies.InfrastructureAssembly, ProjectAssemblies.ApiAssembly }
            .SelectMany(MethodBodies.ReferencesIn)
            .Where(reference => reference.Target.Name.StartsWith("SaveChanges", StringComparison.Ordinal)
                && typeof(DbContext).IsAssignableFrom(reference.Target.DeclaringType));
}
