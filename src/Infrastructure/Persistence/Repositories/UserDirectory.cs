using OrderPlatform.Application.Common.Interfaces;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>
/// Users and their groups. Both reads run on every order (the buyer, and up the referral chain), so
/// they are written out and prepared once (IReadStatements); a user comes with its group in one query.
/// </summary>
internal sealed class UserDirectory(IReadStatements reads, IWriteStatements statements) : IUserDirectory
{
    private const int Active = 1;

    public async Task<UserAccount?> FindUserAsync(long userId, CancellationToken cancellationToken)
    {
        var users = await reads.ListAsync(
            $@"SELECT u.id, u.status, u.is_retailer, u.parent_id, g.id, g.title, g.status, g.price, g.discount, g.share_reward, g.parent_reward
               FROM users u LEFT JOIN user_groups g ON g.id = u.group_id
               WHERE u.id = {userId}",
            reader => new UserAccount(
                reader.GetInt64(0),
                reader.GetInt32(1) == Active,
                reader.GetBoolean(2),
                reader.GetInt64(3),
                reader.IsDBNull(4) ? null : GroupAt(reader, 4)),
            cancellationToken);
        return users.Count == 0 ? null : users[0];
    }

    public async Task<UserGroup?> FindGroupAsync(long groupId, CancellationToken cancellationToken)
    {
        var groups = await reads.ListAsync(
            $"SELECT id, title, status, price, discount, share_reward, parent_reward FROM user_groups WHERE id = {groupId}",
            reader => GroupAt(reader, 0),
            cancellationToken);
        return groups.Count == 0 ? null : groups[0];
    }

    public Task MoveToGroupAsync(long userId, long groupId, CancellationToken cancellationToken) =>
        statements.ExecuteAsync($"UPDATE users SET group_id = {groupId} WHERE id = {userId}", cancellationToken);

    private static UserGroup GroupAt(IQueryRow reader, int first) => new(
        reader.GetInt64(first),
        reader.GetString(first + 1),
        reader.GetInt32(first + 2) == Active,
        reader.GetInt64(first + 3),
        reader.GetInt32(first + 4),
        reader.GetInt32(first + 5),
        reader.GetInt32(first + 6));
}
