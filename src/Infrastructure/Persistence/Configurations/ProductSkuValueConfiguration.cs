using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ProductSkuValueConfiguration : IEntityTypeConfiguration<ProductSkuValueRecord>
{
    public void Configure(EntityTypeBuilder<ProductSkuValueRecord> builder)
    {
        builder.ToTable("product_sku_values");
        builder.HasKey(v => new { v.SkuId, v.OptionValueId });
        builder.Property(v => v.SkuId).HasColumnName("sku_id");
        builder.Property(v => v.OptionValueId).HasColumnName("option_value_id");
        builder.HasOne(v => v.OptionValue).WithMany().HasForeignKey(v => v.OptionValueId);
    }
}
