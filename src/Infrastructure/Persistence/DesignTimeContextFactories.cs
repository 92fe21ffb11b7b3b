using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>Lets dotnet-ef build the SQL Server context without a server: it only needs the model.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<OrderPlatformDbContext>
{
    public OrderPlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrderPlatformDbContext>()
            .UseSqlServer("Server=design-time;Database=OrderPlatform;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}

/// <summary>Lets dotnet-ef build the SQLite context.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOrderPlatformDbContext>
{
    public SqliteOrderPlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOrderPlatformDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
