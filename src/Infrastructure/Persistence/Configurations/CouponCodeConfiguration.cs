using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class CouponCodeConfiguration : IEntityTypeConfiguration<CouponCodeRecord>
{
    public void Configure(EntityTypeBuilder<CouponCodeRecord> builder)
    {
        builder.ToTable("coupon_codes", table => table.HasCheckConstraint("ck_coupon_codes_uses", "used_count >= 0 AND used_count <= max_uses"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.CouponId).HasColumnName("coupon_id");
        builder.Property(c => c.Code).HasColumnName("code").HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.UserId).HasColumnName("user_id");
        builder.HasIndex(c => new { c.UserId, c.CouponId });
        builder.Property(c => c.MaxUses).HasColumnName("max_uses");
        builder.Property(c => c.UsedCount).HasColumnName("used_count");
        builder.Property(c => c.GetTime).HasColumnName("get_time");
        builder.HasOne(c => c.Coupon).WithMany().HasForeignKey(c => c.CouponId);
    }
}
