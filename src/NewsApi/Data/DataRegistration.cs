using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace NewsApi.Data;

public static class DataRegistration
{
    /// <summary>The store chosen by <c>Database:Provider</c> and <c>ConnectionStrings:News</c>, migrated and seeded at start-up.</summary>
    public static WebApplicationBuilder AddNewsData(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(section);
        builder.Services.AddSingleton(TimeProvider.System);

        var connectionString = builder.Configuration.GetConnectionString("News");
        var replicaConnectionString = builder.Configuration.GetConnectionString(ReadReplica.ConnectionStringName);
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:News is not set.");
                }

                connectionString = WithPoolDefaults(connectionString);
                builder.Services.AddPooledDbContextFactory<PostgresNewsDbContext>((services, db) => Configure(services,
                    db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))));
                builder.Services.AddSingleton<IDbContextFactory<NewsDbContext>, NewsDbContextFactory<PostgresNewsDbContext>>();
                builder.Services.AddSingleton(services =>
                {
                    if (string.IsNullOrWhiteSpace(replicaConnectionString))
                    {
                        return new ReadReplica();
                    }

                    var replica = new ReadReplica(options.ReplicaRetryAfter);
                    replica.Attach(ReplicaContexts(services, WithPoolDefaults(replicaConnectionString), new ReplicaFaultInterceptor(replica)));
                    return replica;
                });
                var pooled = string.IsNullOrWhiteSpace(replicaConnectionString)
                    ? new[] { connectionString }
                    : new[] { connectionString, WithPoolDefaults(replicaConnectionString) };
                builder.Services.AddHostedService(services =>
                    new ConnectionPoolRelease(services.GetRequiredService<IHostApplicationLifetime>(), pooled));
                break;

            case DatabaseProvider.Sqlite:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? DefaultSqliteConnectionString(builder.Environment.ContentRootPath)
                    : connectionString;
                builder.Services.AddPooledDbContextFactory<SqliteNewsDbContext>((services, db) => Configure(services,
                    db.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))));
                builder.Services.AddSingleton<IDbContextFactory<NewsDbContext>, NewsDbContextFactory<SqliteNewsDbContext>>();
                if (!string.IsNullOrWhiteSpace(replicaConnectionString))
                {
                    throw new InvalidOperationException(
                        $"ConnectionStrings:{ReadReplica.ConnectionStringName} is set but Database:Provider is sqlite: read replicas are for PostgreSQL only.");
                }

                builder.Services.AddSingleton(new ReadReplica());
                break;

            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use sqlite or postgres.");
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ReadContexts>();
        builder.Services.AddSingleton<ReplicaCatchUp>();
        builder.Services.AddSingleton<DatabaseReadiness>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Registers <paramref name="reader"/> per request, built with <see cref="ReadContexts"/> for its
    /// <c>IDbContextFactory&lt;NewsDbContext&gt;</c>: what it reads may come from the replica. For public read paths
    /// only (loaders, lists, feeds); anything that writes or follows the event log takes the primary's factory.
    /// </summary>
    public static IServiceCollection AddReader(this IServiceCollection services, Type reader)
    {
        var create = ActivatorUtilities.CreateFactory(reader, [typeof(IDbContextFactory<NewsDbContext>)]);
        return services.AddScoped(reader, requestServices => create(requestServices, [requestServices.GetRequiredService<ReadContexts>()]));
    }

    /// <inheritdoc cref="AddReader(IServiceCollection, Type)"/>
    public static IServiceCollection AddReader<TReader>(this IServiceCollection services) where TReader : class =>
        services.AddReader(typeof(TReader));

    /// <summary>The embedded default: <c>App_Data/news.db</c> under the content root (src/NewsApi when run with dotnet run).</summary>
    public static string DefaultSqliteConnectionString(string contentRoot)
    {
        var directory = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "news.db")}";
    }

    /// <summary>
    /// Npgsql settings for the read path, each unless the connection string says otherwise.
    /// <list type="bullet">
    /// <item>Automatic preparation: every read is one of a few dozen EF-generated statements, and unprepared
    /// PostgreSQL parses and plans each one again (the tags loader planned for 0.6 ms to execute for 1.0 ms).
    /// Prepared statements live per physical connection, so pooling keeps them.</item>
    /// <item>No reset on close: a pooled connection is otherwise reset (RESET ALL, UNLISTEN, advisory unlock, ...)
    /// before its next use, a statement PostgreSQL runs for every context a request opens (0.15–0.2 ms each; the
    /// home feed opens two). Nothing here leaves session state behind: settings are SET LOCAL, advisory locks are
    /// transaction-scoped, and the one LISTEN connection is not pooled. Npgsql still rolls back a transaction left
    /// open when a connection returns to the pool.</item>
    /// </list>
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        if (!ContainsKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            npgsql.MaxAutoPrepare = 64;
        }

        if (!ContainsKey(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            npgsql.AutoPrepareMinUsages = 2;
        }

        if (!ContainsKey(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            npgsql.NoResetOnClose = true;
        }

        return npgsql.ConnectionString;
    }

    private static bool ContainsKey(string connectionString, params string[] keys)
    {
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Any(parsed.ContainsKey);
    }

    /// <summary>A pool of contexts on the replica, configured like the primary's (same interceptors, same conventions), and watched for outages.</summary>
    private static NewsDbContextFactory<PostgresNewsDbContext> ReplicaContexts(IServiceProvider services, string connectionString, ReplicaFaultInterceptor faults)
    {
        var db = new DbContextOptionsBuilder<PostgresNewsDbContext>();
        db.UseApplicationServiceProvider(services);
        Configure(services, db.UseNpgsql(connectionString));
        db.AddInterceptors(faults);
        return new NewsDbContextFactory<PostgresNewsDbContext>(new PooledDbContextFactory<PostgresNewsDbContext>(db.Options));
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder db)
    {
        db.UseSnakeCaseNamingConvention();
        // Interceptors registered in DI (diagnostics, the tests' SQL command counter) join every context.
        db.AddInterceptors(services.GetServices<IInterceptor>());
        db.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        // EF's concurrency detector sets an AsyncLocal on entering and leaving every query, and copying the execution
        // context's AsyncLocal map was the largest single allocation of a feed request (about a sixth of its bytes).
        // It only guards against one context used by two resolvers at once, which the pooled factory rules out
        // (each loader and each operation creates its own); the in-process tests keep it on to catch a regression.
        db.EnableThreadSafetyChecks(!services.GetRequiredService<IHostEnvironment>().IsProduction());
    }
}
