using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>Each entity type's insert plan, read from the model the first time one is inserted.</summary>
internal sealed class SqliteInsertPlans
{
    private readonly ConcurrentDictionary<IEntityType, SqliteInsertPlan> _plans = new();

    public SqliteInsertPlan For(IEntityType entityType) => _plans.GetOrAdd(entityType, SqliteInsertPlan.For);
}
