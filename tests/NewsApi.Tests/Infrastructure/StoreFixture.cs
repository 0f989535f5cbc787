using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Security;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// A fixture that runs its tests against one store, with a server and database of its own seeded with the sample
/// content. Derived classes carry [TestFixture(TestStore.Sqlite)] and [TestFixture(TestStore.Postgres)].
/// </summary>
public abstract class StoreFixture(TestStore store)
{
    private readonly List<HttpClient> extraClients = [];
    private readonly Dictionary<ApiRole, string> keysByRole = [];
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
        foreach (var extra in extraClients)
        {
            extra.Dispose();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>A client that sends <paramref name="apiKey"/> as a bearer token, and Accept-Language when given.</summary>
    protected GraphQLClient ClientWithKey(string? apiKey, string? acceptLanguage = null)
    {
        var http = Factory.CreateClient();
        extraClients.Add(http);
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return new GraphQLClient(http);
    }

    /// <summary>A client holding a key of <paramref name="role"/> (one key per role and fixture); null role = anonymous.</summary>
    protected async Task<GraphQLClient> ClientAsAsync(ApiRole? role, string? acceptLanguage = null)
    {
        if (role is not { } wanted)
        {
            return ClientWithKey(null, acceptLanguage);
        }

        if (!keysByRole.TryGetValue(wanted, out var key))
        {
            key = await CreateKeyAsync($"test-{RoleNames.Of(wanted)}", wanted);
            keysByRole[wanted] = key;
        }

        return ClientWithKey(key, acceptLanguage);
    }

    /// <summary>Stores a new key straight in the database, as `keys create` would, and returns the secret.</summary>
    protected Task<string> CreateKeyAsync(string name, ApiRole role) => Factory.CreateKeyAsync(name, role);

    /// <summary>Everything a mutation could change, as one comparable string: equal before and after means nothing was written.</summary>
    protected async Task<string> StoreFingerprintAsync()
    {
        await using var db = await CreateDbContextAsync();
        return string.Join('|',
            await Rows(db.Articles.Select(a => a.Id + ":" + a.Version + ":" + (int)a.Status + ":" + a.Slug + ":" + a.Headline + ":" + a.UpdatedAt)),
            await Rows(db.ArticleTags.Select(t => t.ArticleId + ":" + t.TagId + ":" + t.Position)),
            await Rows(db.ArticleAuthors.Select(t => t.ArticleId + ":" + t.AuthorId + ":" + t.Position)),
            await Rows(db.RelatedLinks.Select(r => r.FromArticleId + ":" + r.ToArticleId + ":" + r.Position)),
            await Rows(db.TickerItems.Select(t => t.Id + ":" + t.Version + ":" + t.Headline + ":" + t.ExpiresAt)),
            await Rows(db.Tags.Select(t => t.Slug + ":" + t.Name + ":" + t.Description)),
            await Rows(db.Sections.Select(t => t.Slug + ":" + t.Name + ":" + t.Description)),
            await Rows(db.Authors.Select(t => t.Slug + ":" + t.Name + ":" + t.Description)),
            await db.ArticleRevisions.CountAsync());

        static async Task<string> Rows(IQueryable<string> rows) => string.Join(',', (await rows.ToListAsync()).Order(StringComparer.Ordinal));
    }

    /// <summary>A context on the server's own store, for arranging and checking rows behind the API's back.</summary>
    protected Task<NewsDbContext> CreateDbContextAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
}
