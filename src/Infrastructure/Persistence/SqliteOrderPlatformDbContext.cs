using Microsoft.EntityFrameworkCore;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The embedded SQLite context. SQLite has neither sequences nor rowversion, so order ids come
/// from a counter row and orders carry a version number the context bumps on every update.
/// </summary>
public sealed class SqliteOrderPlatformDbContext : OrderPlatformDbContext
{
    public const string OrderIdCounter = "orders";
    /// <summary>The orders' concurrency token on SQLite; a bulk update of an order bumps it as SaveChanges does.</summary>
    public const string VersionProperty = "Version";

    public SqliteOrderPlatformDbContext(DbContextOptions<SqliteOrderPlatformDbContext> options)
        : base(options)
    {
    }

    public DbSet<IdCounterRecord> IdCounters => Set<IdCounterRecord>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpOrderVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpOrderVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void ConfigureProviderSpecifics(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Order>().Property<long>(VersionProperty).HasColumnName("version").IsConcurrencyToken();
        modelBuilder.Entity<IdCounterRecord>(counter =>
        {
            counter.ToTable("id_counters");
            counter.HasKey(c => c.Name);
            counter.Property(c => c.Name).HasColumnName("name").HasMaxLength(32);
            counter.Property(c => c.NextValue).HasColumnName("next_value");
            counter.HasData(new IdCounterRecord { Name = OrderIdCounter, NextValue = 1 });
        });
    }

    private void BumpOrderVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Order>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property<long>(VersionProperty);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }
}
