namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of user_groups: VIP price and promoter rates (integer percents).</summary>
public sealed class UserGroupRecord
{
    public long Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public int Status { get; set; }

    /// <summary>VIP membership price per period, minor units.</summary>
    public long Price { get; set; }

    public int Discount { get; set; }

    public int ShareReward { get; set; }

    public int ParentReward { get; set; }
}
