using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Benchmarks.Pipeline.InMemory;

/// <summary>The seed's demo buyer: active, in the member group, no parent, not a promoter.</summary>
internal sealed class InMemoryUserDirectory : IUserDirectory
{
    private static readonly UserGroup Members = new(DemoData.MemberGroupId, "Member", IsActive: true, Price: 0, Discount: 0, ShareReward: 0, ParentReward: 0);

    private static readonly Task<UserAccount?> Buyer =
        Task.FromResult<UserAccount?>(new UserAccount(DemoData.BuyerId, IsActive: true, IsRetailer: false, ParentId: 0, Members));

    public Task<UserAccount?> FindUserAsync(long userId, CancellationToken cancellationToken) =>
        userId == DemoData.BuyerId ? Buyer : Task.FromResult<UserAccount?>(null);

    public Task<UserGroup?> FindGroupAsync(long groupId, CancellationToken cancellationToken) =>
        Task.FromResult(groupId == DemoData.MemberGroupId ? Members : null);

    public Task MoveToGroupAsync(long userId, long groupId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Only a paid VIP order moves a user to a group; the benchmarks place goods orders.");
}
