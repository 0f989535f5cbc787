using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Caching;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

/// <summary>
/// The tags of many articles, main subject first: which tags from article_tags alone (an index range per article),
/// the tags themselves from the <see cref="ReferenceCache"/>, reading only those it lacks.
/// </summary>
public sealed class TagsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts, ReferenceCache cache) : BatchDataLoader<int, IReadOnlyList<Tag>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Tag>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.ArticleTags
            .Where(at => keys.Contains(at.ArticleId))
            .OrderBy(at => at.ArticleId).ThenBy(at => at.Position).ThenBy(at => at.TagId)
            .Select(at => new { at.ArticleId, at.TagId })
            .ToListAsync(cancellationToken);
        var tags = await cache.GetManyAsync(
            links.Select(l => l.TagId),
            SurrogateKeys.Tag,
            t => t.Id,
            (ids, token) => db.Tags.Where(t => ids.Contains(t.Id)).ToListAsync(token),
            cancellationToken);
        return links.GroupBy(l => l.ArticleId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<Tag>)[.. g.Where(l => tags.ContainsKey(l.TagId)).Select(l => tags[l.TagId])]);
    }

    protected override IReadOnlyList<Tag> Missing(int key) => [];
}
