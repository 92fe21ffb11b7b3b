using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class ProductOptionValueConfiguration : IEntityTypeConfiguration<ProductOptionValueRecord>
{
    public void Configure(EntityTypeBuilder<ProductOptionValueRecord> builder)
    {
        builder.ToTable("product_option_values");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(v => v.OptionId).HasColumnName("option_id");
        builder.Property(v => v.Title).HasColumnName("title").HasMaxLength(100).IsRequired();
        builder.HasOne(v => v.Option).WithMany().HasForeignKey(v => v.OptionId);
    }
}
