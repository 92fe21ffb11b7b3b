namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// The query side's own context (R67): registered under this key, on ConnectionStrings:OrderPlatformRead
/// when set (a replica), else on the main connection, and never tracking what it reads.
/// </summary>
internal static class ReadSide
{
    public const string ContextKey = "read";

    public const string ConnectionStringName = "OrderPlatformRead";
}
