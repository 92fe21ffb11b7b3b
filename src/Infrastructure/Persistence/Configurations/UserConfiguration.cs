using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<UserRecord>
{
    public void Configure(EntityTypeBuilder<UserRecord> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(64).IsRequired();
        builder.Property(u => u.Status).HasColumnName("status");
        builder.Property(u => u.GroupId).HasColumnName("group_id");
        builder.Property(u => u.ParentId).HasColumnName("parent_id");
        builder.Property(u => u.IsRetailer).HasColumnName("is_retailer");
    }
}
