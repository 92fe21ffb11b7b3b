using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Infrastructure.Persistence;
using OrderPlatform.Infrastructure.Seeding;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// The executable's command line, run as a real process (R13's issue-token among them): help needs
/// no configuration, an unknown command never starts a server, a configuration the service cannot
/// run with is one line on standard error and exit code 1, and reset-demo restores the demo data.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private const string CartExample = """{"cart_ids":[1,2,3],"coupon_id":4}""";

    private const string PublicCouponOrder = """{"goods_id":188,"quantity":1,"coupon_code":"COUPON2023"}""";

    private static readonly Dictionary<string, string> Development = new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

    private readonly ServiceProcess _service = new();

    public void Dispose() => _service.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_usage_of_the_server_and_every_command_without_any_configuration(string help)
    {
        // Production has no token secret: help must not need one, nor a database.
        var outcome = await _service.RunAsync([help]);

        Assert.Equal(0, outcome.ExitCode);
        foreach (var expected in new[] { "serve", "--urls", "Auth__TokenSecret", "issue-token --user-id N", "migrate", "reset-demo" })
        {
            Assert.Contains(expected, outcome.Output, StringComparison.Ordinal);
        }

        Assert.Empty(outcome.Error);
        Assert.False(outcome.HasStackTrace);
        Assert.False(File.Exists(_service.DefaultDatabasePath));
    }

    [Theory]
    [InlineData("help", "issue-token")]
    [InlineData("issue-token", "--help")]
    [InlineData("reset-demo", "-h")]
    public async Task Help_for_one_command_prints_its_usage(string first, string second)
    {
        var command = first == "help" ? second : first;

        var outcome = await _service.RunAsync([first, second]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith(command + ":", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Commands:", outcome.Output, StringComparison.Ordinal);
        Assert.Empty(outcome.Error);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("help", "frobnicate")]
    public async Task An_unknown_command_is_a_usage_error_and_starts_no_server(params string[] args)
    {
        var outcome = await _service.RunAsync([.. args, "--environment", "Development", "--urls", "http://127.0.0.1:0"], patienceSeconds: 20);

        Assert.True(outcome.EndedByItself, "the process was still running: it started a server");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("Unknown command 'frobnicate'.", outcome.ErrorLines[0]);
        Assert.Contains("Usage:", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(outcome.Output);
        Assert.False(File.Exists(_service.DefaultDatabasePath));
    }

    [Fact]
    public async Task R13_issue_token_without_a_secret_says_which_setting_in_one_line()
    {
        var outcome = await _service.RunAsync(["issue-token", "--user-id", "1000", "--environment", "Production"]);

        AssertConfigurationError(outcome, "Auth:TokenSecret is not set", "Auth__TokenSecret");
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public async Task R13_a_short_secret_stops_the_server_in_one_line_that_does_not_quote_it()
    {
        const string secret = "too-short-secret-7f3a";

        var outcome = await _service.RunAsync(["--urls", "http://127.0.0.1:0"], new() { ["Auth__TokenSecret"] = secret });

        AssertConfigurationError(outcome, "Auth:TokenSecret is shorter than 32 bytes", "Auth__TokenSecret");
        Assert.DoesNotContain(secret, outcome.Error + outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R13_issue_token_prints_a_token_in_Development()
    {
        var outcome = await _service.RunAsync(["issue-token", "--user-id", "1000"], Development);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(3, outcome.Output.Trim().Split('.').Length);
        Assert.Empty(outcome.Error);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("a day")]
    public async Task R13_issue_token_with_hours_that_are_not_1_to_8760_prints_usage_and_no_token(string hours)
    {
        var outcome = await _service.RunAsync(["issue-token", "--user-id", "1000", "--hours", hours], Development);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Empty(outcome.Output.Trim());
        Assert.Contains("usage: issue-token", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_does_not_exist_is_one_line_naming_the_setting()
    {
        var outcome = await _service.RunAsync(["--urls", "http://127.0.0.1:0"], new(Development) { ["Database__Provider"] = "Postgres" });

        AssertConfigurationError(outcome, "Database:Provider is 'Postgres'", "Database__Provider");
    }

    [Fact]
    public async Task A_SQLite_file_whose_folder_cannot_exist_is_one_line_naming_the_connection_string()
    {
        var notAFolder = Path.Combine(_service.TempFolder, "a-file");
        await File.WriteAllTextAsync(notAFolder, "not a folder");

        var outcome = await _service.RunAsync(
            ["migrate"], new(Development) { ["ConnectionStrings__OrderPlatform"] = $"Data Source={Path.Combine(notAFolder, "sub", "orders.db")}" });

        AssertConfigurationError(outcome, "cannot be created", "ConnectionStrings__OrderPlatform");
    }

    [Fact]
    public async Task A_SQLite_database_that_does_not_open_stops_the_server_in_one_line()
    {
        // A folder is not a file SQLite can open.
        var outcome = await _service.RunAsync(
            ["--urls", "http://127.0.0.1:0"], new(Development) { ["ConnectionStrings__OrderPlatform"] = $"Data Source={_service.TempFolder}" });

        AssertConfigurationError(outcome, "Cannot open the SQLite database", "ConnectionStrings__OrderPlatform");
    }

    [Fact]
    public async Task A_SQL_Server_that_is_not_there_is_one_line_without_the_password()
    {
        const string password = "Pa55word-of-the-test";

        // Port 1 on the loopback refuses at once; the connect timeout bounds the retries.
        var outcome = await _service.RunAsync(["migrate"], new()
        {
            ["Database__Provider"] = "SqlServer",
            ["ConnectionStrings__OrderPlatform"] = $"Server=127.0.0.1,1;Database=OrderPlatform;User Id=sa;Password={password};Connect Timeout=2;TrustServerCertificate=True",
        });

        AssertConfigurationError(outcome, "Cannot open the SQL Server database 'OrderPlatform' on '127.0.0.1,1'", "ConnectionStrings__OrderPlatform");
        Assert.DoesNotContain(password, outcome.Error + outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_demo_outside_Development_is_refused_and_touches_nothing()
    {
        var outcome = await _service.RunAsync(["reset-demo", "--environment", "Production"]);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.Contains("Development", line, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace);
        Assert.False(File.Exists(_service.DefaultDatabasePath));
    }

    [Fact]
    public async Task Reset_demo_makes_the_README_cart_example_work_again_while_the_service_runs()
    {
        using var factory = new OrderPlatformApiFactory();
        var first = await factory.PlaceAsync(CartExample);
        await factory.PlaceAsync(PublicCouponOrder);
        Assert.Equal("cart_item_not_found", (await factory.RefuseAsync(CartExample)).Error);
        Assert.Equal("coupon_already_used", (await factory.RefuseAsync(PublicCouponOrder)).Error);

        var outcome = await _service.RunAsync(
            ["reset-demo"], new(Development) { ["ConnectionStrings__OrderPlatform"] = $"Data Source={factory.DatabasePath}" });

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Demo data restored in the SQLite database", outcome.Output, StringComparison.Ordinal);
        Assert.Empty(outcome.Error);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrderPlatformDbContext>();
            Assert.Equal(0, await db.Orders.CountAsync());
            Assert.Equal(0, await db.CouponCodes.Where(c => c.Id == DemoData.BuyerPersonalCouponCodeId).Select(c => c.UsedCount).SingleAsync());
        }

        var again = await factory.PlaceAsync(CartExample);
        foreach (var figure in new[] { "origin_amount", "discount_amount", "amount" })
        {
            Assert.Equal(first.Data.GetProperty(figure).GetInt64(), again.Data.GetProperty(figure).GetInt64());
        }

        Assert.Equal(34100, again.Data.GetProperty("amount").GetInt64());
        await factory.PlaceAsync(PublicCouponOrder);
    }

    private static void AssertConfigurationError(ServiceProcess.Outcome outcome, string what, string environmentVariable)
    {
        Assert.True(outcome.EndedByItself, "the process was still running");
        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.ErrorLines);
        Assert.Contains(what, line, StringComparison.Ordinal);
        Assert.Contains(environmentVariable, line, StringComparison.Ordinal);
        Assert.False(outcome.HasStackTrace, outcome.Output + outcome.Error);
    }
}
