namespace OrderPlatform.Api.Cli;

/// <summary>
/// What <c>--help</c> prints: the server's usage and each command's. Plain text only, so printing it
/// needs no configuration, no secret and no database.
/// </summary>
internal static class Usage
{
    private const string Synopsis = """
        Usage: OrderPlatform.Api [COMMAND] [OPTIONS]
          (dotnet run --project src/Api -- [COMMAND] [OPTIONS], or dotnet OrderPlatform.Api.dll [COMMAND] [OPTIONS])

        Commands:
          serve         run the HTTP API (the default when no command is given)
          issue-token   print a token for a user, to try the API (R13)
          migrate       apply the database migrations (the only way SQL Server is migrated)
          reset-demo    restore the demo data (Development only)
          help [COMMAND]
                        this text, or one command's usage; COMMAND --help does the same

        Every command reads the same configuration as the server: appsettings.json, then
        appsettings.<environment>.json, then environment variables (Section__Key), then
        --Section:Key value on the command line. --environment Development adds the documented
        development secret, service key and demo data.
        """;

    private const string Serve = """
        serve (the default): run the HTTP API.
          OrderPlatform.Api [serve] [--urls URLS] [--environment NAME] [--Section:Key VALUE ...]

          --urls URLS          where to listen, e.g. http://127.0.0.1:5080 (ASPNETCORE_URLS)
          --environment NAME   Production (the default) or Development (ASPNETCORE_ENVIRONMENT;
                               dotnet run's launch profile sets Development)

          Main settings (--Section:Key VALUE, or the environment variable Section__Key):
          Auth:TokenSecret                 the AnQiCMS site secret, at least 32 bytes; required
                                           (Auth__TokenSecret; Development has a documented one)
          Database:Provider                Sqlite (default) or SqlServer (Database__Provider)
          ConnectionStrings:OrderPlatform  default "Data Source=orderplatform.db", relative to the
                                           working directory (ConnectionStrings__OrderPlatform)
          Seed:Demo                        true: insert the demo data into an empty database
                                           (Seed__Demo; true in Development)
          Internal:ServiceKeys             the payment service's keys, 32+ bytes each
                                           (Internal__ServiceKeys__0)
          The README's Configuration section lists every setting.

          An embedded SQLite database is created and migrated at start; SQL Server is migrated only
          by the migrate command.
        """;

    private const string IssueToken = """
        issue-token: print a token for a user, to try the API and for scripts (R13).
          OrderPlatform.Api issue-token --user-id N [--hours H] [--environment NAME]

          --user-id N   the user the token is for (N > 0)
          --hours H     how long it is valid: 1 to 8760 hours, 24 by default

          Signs with Auth:TokenSecret (Auth__TokenSecret), which must be at least 32 bytes; add
          --environment Development to use the documented development secret. Needs no database.
          Example: TOKEN=$(dotnet run --project src/Api --no-build --no-launch-profile -- issue-token --user-id 1000 --environment Development)
        """;

    private const string Migrate = """
        migrate: apply the database migrations, then insert the demo data into an empty database
        when Seed:Demo is true.
          OrderPlatform.Api migrate [--environment NAME]

          Uses Database:Provider and ConnectionStrings:OrderPlatform (Database__Provider,
          ConnectionStrings__OrderPlatform). The only way a SQL Server database is migrated.
        """;

    private const string ResetDemo = """
        reset-demo: restore the demo data, so that every README example gives its documented answer
        again (the demo coupons, the cart and the last-unit product can each be used once).
          OrderPlatform.Api reset-demo --environment Development

          Deletes every row of the configured database (orders, coupon uses, cart items, saved
          addresses, stock levels, users...) and inserts the demo data again, in one transaction.
          Runs only in the Development environment; refused anywhere else.
          Example: dotnet run --project src/Api --no-build --no-launch-profile -- reset-demo --environment Development
        """;

    /// <summary>The whole usage: the commands, then each one's details.</summary>
    public static string All { get; } = string.Join(Environment.NewLine + Environment.NewLine, Synopsis, Serve, IssueToken, Migrate, ResetDemo);

    /// <summary>The commands in one short block, for an error message to end with.</summary>
    public static string Short => Synopsis;

    /// <summary>One command's usage, or null for a command that does not exist.</summary>
    public static string? Of(string command) => command switch
    {
        CommandLine.Serve => Serve,
        CommandLine.IssueToken => IssueToken,
        CommandLine.Migrate => Migrate,
        CommandLine.ResetDemo => ResetDemo,
        CommandLine.Help => Synopsis,
        _ => null,
    };
}
