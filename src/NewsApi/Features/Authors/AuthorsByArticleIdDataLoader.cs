using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Caching;
using NewsApi.Graph;

namespace NewsApi.Features.Authors;

/// <summary>
/// The bylines of many articles, each in its editorial order: which authors from
/// <see cref="ArticleLinksByArticleIdDataLoader"/> (shared with the tags), the authors themselves from the
/// <see cref="ReferenceCache"/>, reading only those it lacks.
/// </summary>
public sealed class AuthorsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts, ArticleLinksByArticleIdDataLoader links, ReferenceCache cache)
    : BatchDataLoader<int, IReadOnlyList<Author>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Author>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var authorIds = await links.LoadManyAsync(keys, l => l.AuthorIds, cancellationToken);
        var authors = await cache.GetManyAsync(
            authorIds.Values.SelectMany(ids => ids),
            SurrogateKeys.Author,
            a => a.Id,
            async (ids, token) =>
            {
                await using var db = await contexts.CreateDbContextAsync(token);
                return await db.Authors.Where(a => ids.Contains(a.Id)).ToListAsync(token);
            },
            cancellationToken);
        return authorIds.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<Author>)[.. pair.Value.Where(authors.ContainsKey).Select(id => authors[id])]);
    }

    protected override IReadOnlyList<Author> Missing(int key) => [];
}
