namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The query side's own statements (R67), and on SQL Server the context they run on: registered
/// under this key, on ConnectionStrings:OrderPlatformRead when set (a replica), else on the main
/// connection, and never tracking what they read.
/// </summary>
internal static class ReadSide
{
    public const string ContextKey = "read";

    public const string ConnectionStringName = "OrderPlatformRead";
}
