namespace OrderPlatform.Application.Common.Interfaces;

/// <summary>Users and user groups.</summary>
public interface IUserDirectory
{
    Task<UserAccount?> FindUserAsync(long userId, CancellationToken cancellationToken);

    Task<UserGroup?> FindGroupAsync(long groupId, CancellationToken cancellationToken);

    /// <summary>In the write step: makes the user a member of the group their paid VIP order bought (R65).</summary>
    Task MoveToGroupAsync(long userId, long groupId, CancellationToken cancellationToken);
}

/// <summary>A user as order creation sees them; <see cref="Group"/> is null when they have none.</summary>
public sealed record UserAccount(long Id, bool IsActive, bool IsRetailer, long ParentId, UserGroup? Group);

/// <summary>A user group: VIP price (minor units), rates in per cent.</summary>
public sealed record UserGroup(long Id, string Title, bool IsActive, long Price, int Discount, int ShareReward, int ParentReward);
