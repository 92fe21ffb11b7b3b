namespace OrderPlatform.Infrastructure.Persistence.Records;

/// <summary>A row of users: what order creation reads about a buyer or promoter.</summary>
public sealed class UserRecord
{
    public long Id { get; set; }

    public string UserName { get; set; } = string.Empty;

    /// <summary>1 active, 0 disabled (R10).</summary>
    public int Status { get; set; }

    public long GroupId { get; set; }

    /// <summary>The user who invited this one; 0 for none.</summary>
    public long ParentId { get; set; }

    public bool IsRetailer { get; set; }
}
