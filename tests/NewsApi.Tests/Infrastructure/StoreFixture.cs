using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// A fixture that runs its tests against one store, with a server and database of its own seeded with the sample
/// content. Derived classes carry [TestFixture(TestStore.Sqlite)] and [TestFixture(TestStore.Postgres)].
/// </summary>
public abstract class StoreFixture(TestStore store)
{
    private NewsApiFactory? factory;
    private GraphQLClient? client;

    protected TestStore Store => store;

    protected NewsApiFactory Factory => factory ?? throw new InvalidOperationException("The fixture has not started.");

    protected GraphQLClient Client => client ?? throw new InvalidOperationException("The fixture has not started.");

    protected SqlCommandCounter SqlCommands => Factory.SqlCommands;

    /// <summary>Extra configuration for this fixture's server.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Test-only services for this fixture's server.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    [OneTimeSetUp]
    public async Task StartServer()
    {
        factory = await NewsApiFactory.CreateAsync(store, Settings, ConfigureServices);
        client = new GraphQLClient(factory.CreateClient());
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        client?.Http.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>A context on the server's own store, for arranging and checking rows behind the API's back.</summary>
    protected Task<NewsDbContext> CreateDbContextAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
}
