using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Related;

namespace NewsApi.Data;

public sealed class PostgresNewsDbContext(DbContextOptions<PostgresNewsDbContext> options) : NewsDbContext(options)
{
    /// <summary>
    /// The related-story ranking, <c>related_candidates(...)</c> (migrations RelatedCandidatesFunction and
    /// RelatedRankingInFloat), as a query root. Mapped rather than read with raw SQL so that a query over it is an
    /// ordinary one: EF caches its SQL and can compile it, where interpolated SQL was rewritten on every execution.
    /// </summary>
    public IQueryable<RelatedCandidate> RelatedCandidates(int[] sourceIds, DateTime now, int maxItems, int perTag) =>
        FromExpression(() => RelatedCandidates(sourceIds, now, maxItems, perTag));

    /// <summary>
    /// The ids of the newest <paramref name="count"/> public articles, <c>newest_article_ids(...)</c> (migration
    /// NewestArticleIdsFunction): the front page. Behind a function so that PostgreSQL keeps one plan for it. Written
    /// out, <c>published_at &lt;= $1</c> made the prepared statement's generic plan look dearer than a custom one,
    /// so the front page, the query the API answers most, was planned on every execution.
    /// </summary>
    public IQueryable<NewestArticleId> NewestArticleIds(DateTime now, int count) => FromExpression(() => NewestArticleIds(now, count));

    /// <summary>
    /// One article's ranked related stories with their articles' summary columns, as JSON,
    /// <c>related_stories_json(...)</c> (migration RelatedStoriesAsJson; read by
    /// <see cref="RankedRelatedStoriesJson"/>): a value of the article page's one row, where a joined collection
    /// repeated the article, body included, on every related story's row.
    /// </summary>
    public static string RelatedStoriesJson(int articleId, DateTime now, int maxItems, int perTag) =>
        throw new InvalidOperationException("Translated to SQL by EF; not called.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Article>().Property(a => a.Body).HasColumnType("jsonb");
        StoreFunctions.MapForPostgres(modelBuilder);

        // Rows of the function, not of a table. An article appears once among another's related stories (a curated
        // link is never also suggested), so the pair identifies a row.
        modelBuilder.Entity<RelatedCandidate>().HasKey(r => new { r.SourceId, r.CandidateId });
        modelBuilder.Entity<RelatedCandidate>().ToTable((string?)null);
        modelBuilder.HasDbFunction(typeof(PostgresNewsDbContext).GetMethod(nameof(RelatedCandidates))!).HasName("related_candidates");
        modelBuilder.HasDbFunction(typeof(PostgresNewsDbContext).GetMethod(nameof(RelatedStoriesJson))!).HasName("related_stories_json");
        modelBuilder.Entity<NewestArticleId>().HasNoKey().ToTable((string?)null);
        modelBuilder.HasDbFunction(typeof(PostgresNewsDbContext).GetMethod(nameof(NewestArticleIds))!).HasName("newest_article_ids");
    }
}
