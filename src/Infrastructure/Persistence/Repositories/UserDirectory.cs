using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

internal sealed class UserDirectory(OrderPlatformDbContext db) : IUserDirectory
{
    private const int Active = 1;

    public async Task<UserAccount?> FindUserAsync(long userId, CancellationToken cancellationToken)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { User = u, Group = db.UserGroups.FirstOrDefault(g => g.Id == u.GroupId) })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new UserAccount(row.User.Id, row.User.Status == Active, row.User.IsRetailer, row.User.ParentId, ToGroup(row.Group));
    }

    public async Task<UserGroup?> FindGroupAsync(long groupId, CancellationToken cancellationToken) =>
        ToGroup(await db.UserGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken));

    public async Task MoveToGroupAsync(long userId, long groupId, CancellationToken cancellationToken)
    {
        db.EnsureWriting();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.GroupId, groupId), cancellationToken);
    }

    private static UserGroup? ToGroup(UserGroupRecord? group) => group is null
        ? null
        : new UserGroup(group.Id, group.Title, group.Status == Active, group.Price, group.Discount, group.ShareReward, group.ParentReward);
}
