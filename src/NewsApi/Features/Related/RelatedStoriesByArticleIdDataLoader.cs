using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Graph;

namespace NewsApi.Features.Related;

/// <summary>
/// Related stories for many articles in two queries whatever their number: the curated links, then — only for
/// articles with fewer curated links than asked — the published stories sharing the most tags, ranked per article
/// in the database (ROW_NUMBER) so no article's candidates are fetched beyond what it can show.
/// </summary>
public sealed class RelatedStoriesByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts, PublicClock clock)
    : BatchDataLoader<RelatedStoriesRequest, IReadOnlyList<RelatedStory>>
{
    public const int MaxFirst = 20;

    protected override async Task<IReadOnlyDictionary<RelatedStoriesRequest, IReadOnlyList<RelatedStory>>> FetchAsync(
        IReadOnlyList<RelatedStoriesRequest> keys, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var ids = keys.Select(k => k.ArticleId).Distinct().ToArray();
        var limit = keys.Max(k => k.First);
        var stories = ids.ToDictionary(id => id, _ => new List<RelatedStory>());
        if (limit == 0)
        {
            return keys.ToDictionary(k => k, _ => (IReadOnlyList<RelatedStory>)[]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = db.Articles.PubliclyVisible(now).Select(a => a.Id);
        var curated = await db.RelatedLinks
            .Where(r => ids.Contains(r.FromArticleId) && visible.Contains(r.ToArticleId))
            .OrderBy(r => r.FromArticleId).ThenBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new { r.FromArticleId, r.ToArticleId, r.Kind })
            .ToListAsync(cancellationToken);
        foreach (var link in curated)
        {
            stories[link.FromArticleId].Add(new RelatedStory(link.ToArticleId, link.Kind, null));
        }

        var shortOfLinks = ids.Where(id => stories[id].Count < limit).ToArray();
        if (shortOfLinks.Length > 0)
        {
            foreach (var candidate in await AutomaticCandidatesAsync(db, shortOfLinks, now, limit, cancellationToken))
            {
                stories[candidate.SourceId].Add(new RelatedStory(
                    candidate.CandidateId,
                    RelatedKind.Automatic,
                    string.Create(CultureInfo.InvariantCulture, $"{candidate.SharedTags} shared {(candidate.SharedTags == 1 ? "tag" : "tags")}")));
            }
        }

        return keys.ToDictionary(k => k, k => (IReadOnlyList<RelatedStory>)stories[k.ArticleId].Take(k.First).ToList());
    }

    protected override IReadOnlyList<RelatedStory> Missing(RelatedStoriesRequest key) => [];

    private static Task<List<AutomaticCandidate>> AutomaticCandidatesAsync(NewsDbContext db, int[] ids, DateTime now, int limit, CancellationToken cancellationToken)
    {
        // Both stores run the same ranking; only the way a list of ids is passed differs (an array parameter on
        // PostgreSQL, a JSON array on SQLite). Columns are snake_case: the naming convention maps AutomaticCandidate
        // like every entity.
        var (idFilter, idList) = db.Database.IsNpgsql()
            ? ("s.article_id = ANY({0})", (object)ids)
            : ("s.article_id IN (SELECT value FROM json_each({0}))", JsonSerializer.Serialize(ids));
        var sql = $$"""
            SELECT source_id, candidate_id, shared AS shared_tags
            FROM (
                SELECT s.article_id AS source_id, c.article_id AS candidate_id, COUNT(*) AS shared,
                       ROW_NUMBER() OVER (PARTITION BY s.article_id ORDER BY COUNT(*) DESC, a.published_at DESC, a.id DESC) AS rank
                FROM article_tags s
                JOIN article_tags c ON c.tag_id = s.tag_id AND c.article_id <> s.article_id
                JOIN articles a ON a.id = c.article_id
                WHERE {{idFilter}} AND a.status = {{(int)ArticleStatus.Published}} AND a.published_at <= {1} AND a.show_in_related
                  AND NOT EXISTS (SELECT 1 FROM related_links r WHERE r.from_article_id = s.article_id AND r.to_article_id = c.article_id)
                GROUP BY s.article_id, c.article_id, a.published_at, a.id
            ) ranked
            WHERE rank <= {2}
            ORDER BY source_id, rank
            """;
#pragma warning disable EF1002 // Only our own constants are interpolated; every value goes in as a parameter.
        return db.Database.SqlQueryRaw<AutomaticCandidate>(sql, idList, now, limit).ToListAsync(cancellationToken);
#pragma warning restore EF1002
    }
}
