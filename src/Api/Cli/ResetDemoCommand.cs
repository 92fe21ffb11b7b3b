using OrderPlatform.Infrastructure.Persistence;

namespace OrderPlatform.Api.Cli;

/// <summary>
/// <c>reset-demo</c>: the demo coupons, cart items and last units can each be used once, so after one
/// run of the README's examples they answer coupon_already_used or cart_item_not_found. This puts
/// the demo data back. It deletes every order, so it runs only in the Development environment.
/// </summary>
internal static class ResetDemoCommand
{
    public static async Task<int?> RunAsync(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            await Console.Error.WriteLineAsync(
                $"reset-demo deletes every order and runs only in the Development environment, not in {app.Environment.EnvironmentName}: "
                + "add --environment Development to reset a development database.");
            return CommandLine.UsageError;
        }

        await DatabaseTarget.OpenAsync(app.Services, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().ResetDemoDataAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(
            $"Demo data restored in {DatabaseTarget.Describe(app.Configuration)}: deleted {deleted} rows "
            + "(orders, coupon uses, cart items, addresses, stock levels and the rest) and inserted the demo data again.");
        return 0;
    }
}
