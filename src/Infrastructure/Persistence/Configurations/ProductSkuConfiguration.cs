using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ProductSkuConfiguration : IEntityTypeConfiguration<ProductSkuRecord>
{
    public void Configure(EntityTypeBuilder<ProductSkuRecord> builder)
    {
        builder.ToTable("product_skus", table => table.HasCheckConstraint("ck_product_skus_stock", "stock >= 0"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(s => s.ProductId).HasColumnName("product_id");
        builder.Property(s => s.Price).HasColumnName("price").HasColumnType("bigint");
        builder.Property(s => s.Stock).HasColumnName("stock");
        builder.HasIndex(s => s.ProductId);
        builder.HasOne<ProductRecord>().WithMany().HasForeignKey(s => s.ProductId);
        builder.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.SkuId);
    }
}
