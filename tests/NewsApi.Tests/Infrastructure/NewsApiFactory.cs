using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace NewsApi.Tests.Infrastructure;

/// <summary>The server in-process on a store of its own: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public sealed class NewsApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly string? sqliteFile;

    private NewsApiFactory(TestStore store, string connectionString, string? sqliteFile, IReadOnlyDictionary<string, string?> settings)
    {
        Store = store;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.settings = settings;
    }

    public TestStore Store { get; }

    public string ConnectionString { get; }

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Replacements for the server's services (a fake clock), applied after the server's own registrations.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public static async Task<NewsApiFactory> CreateAsync(TestStore store, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        settings ??= new Dictionary<string, string?>();
        if (store == TestStore.Postgres)
        {
            var server = await TestRun.PostgresAsync();
            return new NewsApiFactory(store, await server.CreateDatabaseAsync(), null, settings) { TestServices = testServices };
        }

        var file = Path.Combine(Path.GetTempPath(), $"newsapi-test-{Guid.NewGuid():N}.db");
        return new NewsApiFactory(store, $"Data Source={file}", file, settings) { TestServices = testServices };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Store.ToString());
        builder.UseSetting("ConnectionStrings:News", ConnectionString);
        builder.UseSetting("Database:SeedSampleContent", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(SqlCommands);
            TestServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
