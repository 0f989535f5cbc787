using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Caching;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

/// <summary>
/// The tags of many articles, main subject first: which tags from <see cref="ArticleLinksByArticleIdDataLoader"/>
/// (shared with the bylines), the tags themselves from the <see cref="ReferenceCache"/>, reading only those it lacks.
/// </summary>
public sealed class TagsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts, ArticleLinksByArticleIdDataLoader links, ReferenceCache cache)
    : BatchDataLoader<int, IReadOnlyList<Tag>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Tag>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var tagIds = await links.LoadManyAsync(keys, l => l.TagIds, cancellationToken);
        var tags = await cache.GetManyAsync(
            tagIds.Values.SelectMany(ids => ids),
            SurrogateKeys.Tag,
            t => t.Id,
            async (ids, token) =>
            {
                await using var db = await contexts.CreateDbContextAsync(token);
                return await db.Tags.Where(t => ids.Contains(t.Id)).ToListAsync(token);
            },
            cancellationToken);
        return tagIds.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<Tag>)[.. pair.Value.Where(tags.ContainsKey).Select(id => tags[id])]);
    }

    protected override IReadOnlyList<Tag> Missing(int key) => [];
}
