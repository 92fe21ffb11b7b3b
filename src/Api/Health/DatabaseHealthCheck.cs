using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.Health;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(OrderPlatformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
