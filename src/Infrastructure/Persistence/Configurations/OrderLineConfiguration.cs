using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Domain.Orders;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

/// <summary>Maps order lines with their snapshot (R25) and bigint money columns.</summary>
internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_details");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property<OrderId>(OrderConfiguration.OrderForeignKey).HasColumnName("order_id");
        builder.Property(l => l.GoodsId).HasColumnName("goods_id");
        builder.Property(l => l.SkuId).HasColumnName("sku_id");
        builder.Property(l => l.Quantity).HasColumnName("quantity");
        builder.Property<string>("_currency").HasColumnName("currency").HasMaxLength(3).IsRequired();
        builder.Property<string>("_productTitle").HasColumnName("title").HasMaxLength(500).IsRequired();
        builder.Property<string>("_skuTitle").HasColumnName("sku_title").HasMaxLength(1000).IsRequired();
        builder.Property<IReadOnlyList<SkuOptionValue>>("_optionValues").HasColumnName("sku_values").IsRequired()
            .HasConversion(StorageFormats.OptionValuesJson, StorageFormats.OptionValuesComparer);
        builder.Property<long>("_unitPrice").HasColumnName("price").HasColumnType("bigint");
        builder.Property<long>("_originPrice").HasColumnName("origin_price").HasColumnType("bigint");
        builder.Property<long>("_amount").HasColumnName("amount").HasColumnType("bigint");
        builder.Property<long>("_originAmount").HasColumnName("origin_amount").HasColumnType("bigint");
        builder.Property<long>("_discountAmount").HasColumnName("discount_amount").HasColumnType("bigint");

        builder.Ignore(l => l.Snapshot);
        builder.Ignore(l => l.Currency);
        builder.Ignore(l => l.UnitPrice);
        builder.Ignore(l => l.OriginPrice);
        builder.Ignore(l => l.Amount);
        builder.Ignore(l => l.OriginAmount);
        builder.Ignore(l => l.DiscountAmount);
    }
}
