using Microsoft.EntityFrameworkCore;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The embedded SQLite context. SQLite has neither sequences nor rowversion, so order ids come
/// from a counter row and orders carry a version number that every update of an order bumps in its
/// SQL (OrderRepository.TryMoveAsync): on SQLite no order is ever saved through EF Core's change
/// tracker (decision 0009).
/// </summary>
public sealed class SqliteOrderPlatformDbContext : OrderPlatformDbContext
{
    public const string OrderIdCounter = "orders";
    /// <summary>The orders' concurrency token on SQLite.</summary>
    public const string VersionProperty = "Version";

    public SqliteOrderPlatformDbContext(DbContextOptions<SqliteOrderPlatformDbContext> options)
        : base(options)
    {
    }

    public DbSet<IdCounterRecord> IdCounters => Set<IdCounterRecord>();

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
}
