using Microsoft.EntityFrameworkCore;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The SQL Server context, and the model both providers share. <see cref="SqliteOrderPlatformDbContext"/>
/// overrides only what SQLite does differently: the order id source and the concurrency token.
/// </summary>
public class OrderPlatformDbContext : DbContext
{
    public const string OrderIdSequence = "order_ids";

    public OrderPlatformDbContext(DbContextOptions<OrderPlatformDbContext> options)
        : base(options)
    {
    }

    protected OrderPlatformDbContext(DbContextOptions options)
        : base(options)
    {
    }

    private const string BinaryCollation = "Latin1_General_100_BIN2";

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<UserGroupRecord> UserGroups => Set<UserGroupRecord>();

    public DbSet<ProductRecord> Products => Set<ProductRecord>();

    public DbSet<ProductOptionRecord> ProductOptions => Set<ProductOptionRecord>();

    public DbSet<ProductOptionValueRecord> ProductOptionValues => Set<ProductOptionValueRecord>();

    public DbSet<ProductSkuRecord> ProductSkus => Set<ProductSkuRecord>();

    public DbSet<AddressRecord> Addresses => Set<AddressRecord>();

    public DbSet<CouponRecord> Coupons => Set<CouponRecord>();

    public DbSet<CouponCodeRecord> CouponCodes => Set<CouponCodeRecord>();

    public DbSet<CouponUsageRecord> CouponUsages => Set<CouponUsageRecord>();

    public DbSet<CartItemRecord> CartItems => Set<CartItemRecord>();

    public DbSet<BuyerOrderCountRecord> BuyerOrderCounts => Set<BuyerOrderCountRecord>();

    public DbSet<IdempotencyKeyRecord> IdempotencyKeys => Set<IdempotencyKeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderPlatformDbContext).Assembly);
        ConfigureProviderSpecifics(modelBuilder);
    }

    /// <summary>
    /// SQL Server: order ids from a sequence; rowversion guards concurrent order updates; coupon codes
    /// and idempotency keys compare case-sensitively (R37, R55) under a binary collation, as SQLite's
    /// default already does.
    /// </summary>
    protected virtual void ConfigureProviderSpecifics(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CouponCodeRecord>().Property(c => c.Code).UseCollation(BinaryCollation);
        modelBuilder.Entity<IdempotencyKeyRecord>().Property(k => k.Key).UseCollation(BinaryCollation);
        modelBuilder.HasSequence<long>(OrderIdSequence).StartsAt(1).IncrementsBy(1);
        modelBuilder.Entity<Order>().Property<byte[]>("RowVersion").HasColumnName("row_version").IsRowVersion();
    }
}
