using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<ProductRecord>
{
    public void Configure(EntityTypeBuilder<ProductRecord> builder)
    {
        builder.ToTable("products", table => table.HasCheckConstraint("ck_products_stock", "stock >= 0"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.Title).HasColumnName("title").HasMaxLength(250).IsRequired();
        builder.Property(p => p.Price).HasColumnName("price").HasColumnType("bigint");
        builder.Property(p => p.Stock).HasColumnName("stock");
        builder.Property(p => p.SellerId).HasColumnName("user_id");
        builder.Property(p => p.Status).HasColumnName("status");
        builder.Property(p => p.CustomFormUrl).HasColumnName("custom_form_url").HasMaxLength(500);
    }
}
