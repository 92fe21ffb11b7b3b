using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Seeding;

/// <summary>
/// Empties every table of the model before the demo data goes in again (the reset-demo command).
/// The tables come from the model, so a table added later is emptied too without being listed here.
/// </summary>
internal static class DemoDatabaseWipe
{
    /// <summary>Deletes every row, referencing tables before the tables they reference, inside the caller's transaction; returns the rows deleted.</summary>
    [SuppressMessage("Security", "EF1003", Justification = "Table names come from the model, quoted by the provider; SQL parameters cannot name a table.")]
    public static async Task<int> DeleteEveryRowAsync(OrderPlatformDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var deleted = 0;
        foreach (var table in ReferencingTablesFirst(db.Model.GetRelationalModel()))
        {
            deleted += await db.Database.ExecuteSqlRawAsync("DELETE FROM " + sql.DelimitIdentifier(table.Name, table.Schema), cancellationToken);
        }

        return deleted;
    }

    /// <summary>
    /// A table comes after every other table whose foreign keys point at it, so no delete breaks a
    /// reference. SQLite's order-id counter is left alone: its row comes from a migration, not from
    /// the seeder, and order numbers only need to keep growing.
    /// </summary>
    private static List<ITable> ReferencingTablesFirst(IRelationalModel model)
    {
        var remaining = model.Tables
            .Where(table => !table.EntityTypeMappings.Any(mapping => mapping.TypeBase.ClrType == typeof(IdCounterRecord)))
            .ToList();
        var ordered = new List<ITable>(remaining.Count);
        while (remaining.Count > 0)
        {
            var next = remaining.First(table => !remaining.Any(other => other != table
                && other.ForeignKeyConstraints.Any(constraint => constraint.PrincipalTable == table)));
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }
}
