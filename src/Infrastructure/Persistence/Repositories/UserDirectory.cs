using Microsoft.EntityFrameworkCore;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Users and their groups. The two reads run on every order (the buyer, and up the referral chain), so
/// they are compiled once: a query written against the context's sets inside its lambdas is otherwise
/// evaluated and looked up again on every call.
/// </summary>
internal sealed class UserDirectory(OrderPlatformDbContext db, IWriteStatements statements) : IUserDirectory
{
    private const int Active = 1;

    private static readonly Func<OrderPlatformDbContext, long, CancellationToken, Task<UserWithGroup?>> UserWithGroupById =
        EF.CompileAsyncQuery((OrderPlatformDbContext context, long userId, CancellationToken _) =>
            context.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new UserWithGroup(u, context.UserGroups.FirstOrDefault(g => g.Id == u.GroupId)))
                .SingleOrDefault());

    private static readonly Func<OrderPlatformDbContext, long, CancellationToken, Task<UserGroupRecord?>> GroupById =
        EF.CompileAsyncQuery((OrderPlatformDbContext context, long groupId, CancellationToken _) =>
            context.UserGroups.AsNoTracking().SingleOrDefault(g => g.Id == groupId));

    public async Task<UserAccount?> FindUserAsync(long userId, CancellationToken cancellationToken)
    {
        var row = await UserWithGroupById(db, userId, cancellationToken);
        return row is null
            ? null
            : new UserAccount(row.User.Id, row.User.Status == Active, row.User.IsRetailer, row.User.ParentId, ToGroup(row.Group));
    }

    public async Task<UserGroup?> FindGroupAsync(long groupId, CancellationToken cancellationToken) =>
        ToGroup(await GroupById(db, groupId, cancellationToken));

    public async Task MoveToGroupAsync(long userId, long groupId, CancellationToken cancellationToken)
    {
        await statements.ExecuteAsync($"UPDATE users SET group_id = {groupId} WHERE id = {userId}", cancellationToken);
    }

    private static UserGroup? ToGroup(UserGroupRecord? group) => group is null
        ? null
        : new UserGroup(group.Id, group.Title, group.Status == Active, group.Price, group.Discount, group.ShareReward, group.ParentReward);
}
