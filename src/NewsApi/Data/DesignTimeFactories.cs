using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsApi.Data;

// Used only by `dotnet ef migrations add`: neither needs a live database.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresNewsDbContext>
{
    public PostgresNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNewsDbContext>()
            .UseNpgsql("Host=localhost;Database=news").UseSnakeCaseNamingConvention().Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsDbContext>()
            .UseSqlite("Data Source=design.db").UseSnakeCaseNamingConvention().Options);
}
