using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItemRecord>
{
    public void Configure(EntityTypeBuilder<CartItemRecord> builder)
    {
        builder.ToTable("cart_items", table => table.HasCheckConstraint("ck_cart_items_quantity", "quantity > 0"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.UserId).HasColumnName("user_id");
        builder.Property(c => c.GoodsId).HasColumnName("goods_id");
        builder.Property(c => c.SkuId).HasColumnName("sku_id");
        builder.Property(c => c.Quantity).HasColumnName("quantity");
        builder.Property(c => c.Status).HasColumnName("status");
        builder.Property(c => c.CreatedTime).HasColumnName("created_time");
        builder.HasIndex(c => c.UserId);
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(c => c.UserId);
    }
}
