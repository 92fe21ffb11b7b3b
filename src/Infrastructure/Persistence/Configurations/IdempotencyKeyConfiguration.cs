using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// R55: the key (buyer, key) is the primary key, so of two transactions that write the same key,
/// whichever instance runs them, only the first commits. created_time is indexed for the purge.
/// </summary>
internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKeyRecord>
{
    private const int Sha256HexLength = 64;

    public void Configure(EntityTypeBuilder<IdempotencyKeyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(k => new { k.UserId, k.Key });
        builder.Property(k => k.UserId).HasColumnName("user_id");
        builder.Property(k => k.Key).HasColumnName("idempotency_key").HasMaxLength(IdempotencyKey.MaxLength).IsUnicode(false);
        builder.Property(k => k.Fingerprint).HasColumnName("fingerprint").HasMaxLength(Sha256HexLength).IsFixedLength().IsUnicode(false);
        builder.Property(k => k.OrderId).HasColumnName("order_id");
        builder.Property(k => k.Answer).HasColumnName("answer");
        builder.Property(k => k.CreatedTime).HasColumnName("created_time");
        builder.HasIndex(k => k.CreatedTime);
    }
}
