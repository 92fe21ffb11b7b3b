namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>The ports' writes belong to a command's write step, inside its transaction; anywhere else they would commit on their own.</summary>
internal static class WriteStep
{
    public static void EnsureWriting(this OrderPlatformDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Ports write only inside a command's write step (IUnitOfWork.WriteAsync).");
        }
    }
}
