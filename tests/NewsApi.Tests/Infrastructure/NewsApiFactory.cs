using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Security;

namespace NewsApi.Tests.Infrastructure;

/// <summary>The server in-process on a store of its own: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public sealed class NewsApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly string? sqliteFile;
    private readonly Action<IServiceCollection>? configureServices;

    private NewsApiFactory(TestStore store, string connectionString, string? sqliteFile, IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices)
    {
        Store = store;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.settings = settings;
        this.configureServices = configureServices;
    }

    public TestStore Store { get; }

    public string ConnectionString { get; }

    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Stores a new key straight in the server's database (the primary), as `keys create` would, and returns the secret.</summary>
    public async Task<string> CreateKeyAsync(string name, ApiRole role)
    {
        var (key, hash, prefix) = ApiKeySecret.Create();
        await using var db = await Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        db.ApiKeys.Add(new ApiKey { Name = name, Role = role, KeyHash = hash, Prefix = prefix, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return key;
    }

    /// <param name="configureServices">Test-only services (e.g. an interceptor that slows SQL down), added last.</param>
    public static async Task<NewsApiFactory> CreateAsync(TestStore store, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        settings ??= new Dictionary<string, string?>();
        if (store == TestStore.Postgres)
        {
            var server = await TestRun.PostgresAsync();
            return new NewsApiFactory(store, await server.CreateDatabaseAsync(), null, settings, configureServices);
        }

        var file = Path.Combine(Path.GetTempPath(), $"newsapi-test-{Guid.NewGuid():N}.db");
        return new NewsApiFactory(store, $"Data Source={file}", file, settings, configureServices);
    }

    /// <summary>A second server on the store of <paramref name="other"/>: two instances that share only the database.</summary>
    public static NewsApiFactory SharingStoreOf(NewsApiFactory other, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null) =>
        new(other.Store, other.ConnectionString, null, settings ?? new Dictionary<string, string?>(), configureServices);

    /// <summary>A server on a PostgreSQL database the test set up itself (e.g. a primary with a replica).</summary>
    public static NewsApiFactory OnPostgres(string connectionString, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null) =>
        new(TestStore.Postgres, connectionString, null, settings ?? new Dictionary<string, string?>(), configureServices);

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
            configureServices?.Invoke(services);
        });

        // Requests run in the test's execution flow, so the SQL command counter can tell them from background work.
        builder.UseTestServer(server => server.PreserveExecutionContext = true);
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
