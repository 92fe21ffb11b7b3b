using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

internal sealed class UserGroupConfiguration : IEntityTypeConfiguration<UserGroupRecord>
{
    public void Configure(EntityTypeBuilder<UserGroupRecord> builder)
    {
        builder.ToTable("user_groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(g => g.Title).HasColumnName("title").HasMaxLength(100).IsRequired();
        builder.Property(g => g.Status).HasColumnName("status");
        builder.Property(g => g.Price).HasColumnName("price").HasColumnType("bigint");
        builder.Property(g => g.Discount).HasColumnName("discount");
        builder.Property(g => g.ShareReward).HasColumnName("share_reward");
        builder.Property(g => g.ParentReward).HasColumnName("parent_reward");
    }
}
