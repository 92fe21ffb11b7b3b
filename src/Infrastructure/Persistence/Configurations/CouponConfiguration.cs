using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<CouponRecord>
{
    public void Configure(EntityTypeBuilder<CouponRecord> builder)
    {
        builder.ToTable("coupons", table => table.HasCheckConstraint("ck_coupons_money", "money >= 0 AND max_money >= 0 AND condition_amount >= 0"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.Title).HasColumnName("title").HasMaxLength(200).IsRequired();
        builder.Property(c => c.MoneyType).HasColumnName("money_type");
        builder.Property(c => c.Money).HasColumnName("money").HasColumnType("bigint");
        builder.Property(c => c.MaxMoney).HasColumnName("max_money").HasColumnType("bigint");
        builder.Property(c => c.ConditionAmount).HasColumnName("condition_amount").HasColumnType("bigint");
        builder.Property(c => c.StartTime).HasColumnName("start_time");
        builder.Property(c => c.EndTime).HasColumnName("end_time");
        builder.Property(c => c.Status).HasColumnName("status");
        builder.HasMany(c => c.Goods).WithOne().HasForeignKey(g => g.CouponId);
    }
}
