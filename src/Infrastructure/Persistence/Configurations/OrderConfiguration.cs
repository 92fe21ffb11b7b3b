using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Domain.Orders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// Maps the order aggregate through its private fields; money columns are explicit bigint minor
/// units beside one currency column. The concurrency token is provider-specific (see the contexts).
/// </summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>The shadow key that ties lines and the address copy to their order.</summary>
    public const string OrderForeignKey = "OrderId";

    /// <summary>The trigger that counts a buyer's orders per status (on SQLite, the insert one of three).</summary>
    public const string OrderTriggerName = "orders_counted_by_buyer";

    public void Configure(EntityTypeBuilder<Order> builder)
    {
        // The OrderLifecycle migration's triggers keep buyer_order_counts (R62). Declared so that EF saves orders
        // without an OUTPUT clause, which SQL Server refuses on a table with triggers.
        builder.ToTable("orders", table => table.HasTrigger(OrderTriggerName));
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever()
            .HasConversion(id => id.Value, value => new OrderId(value));
        builder.Property(o => o.Number).HasColumnName("order_id").HasMaxLength(32).IsRequired();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.BuyerId).HasColumnName("user_id");

        // R62: a buyer's page, newest first, reads only its own rows, with or without a status filter.
        builder.HasIndex(o => new { o.BuyerId, o.Id });
        builder.HasIndex(o => new { o.BuyerId, o.Status, o.Id });
        builder.Property(o => o.Type).HasColumnName("type").HasMaxLength(16).HasConversion(StorageFormats.OrderTypeNames);
        builder.Property(o => o.Status).HasColumnName("status");
        builder.Property(o => o.Remark).HasColumnName("remark").HasMaxLength(500).IsRequired();
        builder.Property(o => o.SellerId).HasColumnName("seller_id");
        builder.Property(o => o.ShareUserId).HasColumnName("share_user_id");
        builder.Property(o => o.ShareParentUserId).HasColumnName("share_parent_user_id");
        builder.Property(o => o.CouponId).HasColumnName("coupon_id");
        builder.Property(o => o.CouponCodeId).HasColumnName("coupon_code_id");
        builder.Property(o => o.AddressId).HasColumnName("address_id");

        // A key, not a copy (the copy is ShippingAddress, R31): it lets a new address-book entry and its order be
        // saved together. Deleting the saved address leaves the order and its copy, without the link.
        builder.HasOne<AddressRecord>().WithMany().HasForeignKey(o => o.AddressId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(o => o.CustomFormUrl).HasColumnName("custom_form_url").HasMaxLength(600);
        builder.Property(o => o.CreatedAt).HasColumnName("created_time").HasConversion(StorageFormats.UnixSeconds);
        builder.Property(o => o.UpdatedAt).HasColumnName("updated_time").HasConversion(StorageFormats.UnixSeconds);
        builder.Property(o => o.PaymentDeadline).HasColumnName("end_time").HasConversion(StorageFormats.UnixSeconds);
        builder.HasIndex(o => new { o.Status, o.PaymentDeadline });
        builder.Property(o => o.PaidAt).HasColumnName("paid_time").HasConversion(StorageFormats.UnixSeconds);
        builder.Property(o => o.PaymentId).HasColumnName("payment_id").HasMaxLength(64);

        builder.Property<string>("_currency").HasColumnName("currency").HasMaxLength(3).IsRequired();
        MoneyColumn(builder, "_originAmount", "origin_amount");
        MoneyColumn(builder, "_discountAmount", "discount_amount");
        MoneyColumn(builder, "_amount", "amount");
        MoneyColumn(builder, "_sellerAmount", "seller_amount");
        MoneyColumn(builder, "_shareAmount", "share_amount");
        MoneyColumn(builder, "_shareParentAmount", "share_parent_amount");
        builder.Property<int>("_sellerPercent").HasColumnName("seller_percent");
        builder.Property<int>("_sharePercent").HasColumnName("share_percent");
        builder.Property<int>("_shareParentPercent").HasColumnName("share_parent_percent");

        builder.OwnsOne(o => o.ShippingAddress, address =>
        {
            address.ToTable("order_addresses");
            address.WithOwner().HasForeignKey(OrderForeignKey);
            address.Property<OrderId>(OrderForeignKey).HasColumnName("order_id");
            address.Property(a => a.Name).HasColumnName("name").HasMaxLength(128).IsRequired();
            address.Property(a => a.Phone).HasColumnName("phone").HasMaxLength(20).IsRequired();
            address.Property(a => a.Province).HasColumnName("province").HasMaxLength(200).IsRequired();
            address.Property(a => a.City).HasColumnName("city").HasMaxLength(200).IsRequired();
            address.Property(a => a.District).HasColumnName("country").HasMaxLength(200).IsRequired();
            address.Property(a => a.Detail).HasColumnName("address_info").HasMaxLength(510).IsRequired();
            address.Property(a => a.Postcode).HasColumnName("postcode").HasMaxLength(36).IsRequired();
        });

        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(OrderForeignKey).IsRequired();
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_lines");

        builder.Ignore(o => o.Currency);
        builder.Ignore(o => o.OriginAmount);
        builder.Ignore(o => o.GoodsAmount);
        builder.Ignore(o => o.DiscountAmount);
        builder.Ignore(o => o.Amount);
        builder.Ignore(o => o.SellerAmount);
        builder.Ignore(o => o.ShareAmount);
        builder.Ignore(o => o.ShareParentAmount);
    }

    private static void MoneyColumn(EntityTypeBuilder<Order> builder, string field, string column) =>
        builder.Property<long>(field).HasColumnName(column).HasColumnType("bigint");
}
