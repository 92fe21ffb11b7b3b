using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class AddressConfiguration : IEntityTypeConfiguration<AddressRecord>
{
    public void Configure(EntityTypeBuilder<AddressRecord> builder)
    {
        builder.ToTable("addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id");
        builder.Property(a => a.UserId).HasColumnName("user_id");
        builder.Property(a => a.Name).HasColumnName("name").HasMaxLength(128).IsRequired();
        builder.Property(a => a.Phone).HasColumnName("phone").HasMaxLength(20).IsRequired();
        builder.Property(a => a.Province).HasColumnName("province").HasMaxLength(200).IsRequired();
        builder.Property(a => a.City).HasColumnName("city").HasMaxLength(200).IsRequired();
        builder.Property(a => a.Country).HasColumnName("country").HasMaxLength(200).IsRequired();
        builder.Property(a => a.AddressInfo).HasColumnName("address_info").HasMaxLength(510).IsRequired();
        builder.Property(a => a.Postcode).HasColumnName("postcode").HasMaxLength(36).IsRequired();
        builder.Property(a => a.CreatedTime).HasColumnName("created_time");
        builder.Property(a => a.UpdatedTime).HasColumnName("updated_time");
        builder.HasIndex(a => a.UserId);
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(a => a.UserId);
    }
}
