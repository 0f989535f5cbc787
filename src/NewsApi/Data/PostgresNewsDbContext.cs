using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;

namespace NewsApi.Data;

public sealed class PostgresNewsDbContext(DbContextOptions<PostgresNewsDbContext> options) : NewsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Article>().Property(a => a.Body).HasColumnType("jsonb");
        StoreFunctions.MapForPostgres(modelBuilder);
    }
}
