using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;

namespace NewsApi.Data;

/// <summary>
/// The content model. Each store has its own subclass so that each keeps its own migrations
/// (Migrations/Postgres, Migrations/Sqlite) while sharing every entity configuration.
/// </summary>
public abstract class NewsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Whether this context talks to PostgreSQL. Read paths branch on it per request, and EF's
    /// <c>Database.IsNpgsql()</c> reads the provider assembly's name on every call (reflection that showed in profiles).
    /// </summary>
    public bool IsPostgres => this is PostgresNewsDbContext;

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();

    public DbSet<ArticleSimilarity> ArticleSimilarities => Set<ArticleSimilarity>();

    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();

    public DbSet<RelatedLink> RelatedLinks => Set<RelatedLink>();

    public DbSet<TickerItem> TickerItems => Set<TickerItem>();

    public DbSet<ContentEvent> ContentEvents => Set<ContentEvent>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ArticleSlugRedirect> ArticleSlugRedirects => Set<ArticleSlugRedirect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }
}
