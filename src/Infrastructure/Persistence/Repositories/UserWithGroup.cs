using OrderPlatform.Infrastructure.Persistence.Records;

namespace OrderPlatform.Infrastructure.Persistence.Repositories;

/// <summary>A user's row with its group's, read in one query.</summary>
internal sealed record UserWithGroup(UserRecord User, UserGroupRecord? Group);
