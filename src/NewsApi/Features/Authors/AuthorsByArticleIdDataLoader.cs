using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Caching;
using NewsApi.Graph;

namespace NewsApi.Features.Authors;

/// <summary>
/// The bylines of many articles, each in its editorial order: which authors from article_authors alone, the authors
/// themselves from the <see cref="ReferenceCache"/>, reading only those it lacks.
/// </summary>
public sealed class AuthorsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts, ReferenceCache cache) : BatchDataLoader<int, IReadOnlyList<Author>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Author>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.ArticleAuthors
            .Where(aa => keys.Contains(aa.ArticleId))
            .OrderBy(aa => aa.ArticleId).ThenBy(aa => aa.Position).ThenBy(aa => aa.AuthorId)
            .Select(aa => new { aa.ArticleId, aa.AuthorId })
            .ToListAsync(cancellationToken);
        var authors = await cache.GetManyAsync(
            links.Select(l => l.AuthorId),
            SurrogateKeys.Author,
            a => a.Id,
            (ids, token) => db.Authors.Where(a => ids.Contains(a.Id)).ToListAsync(token),
            cancellationToken);
        return links.GroupBy(l => l.ArticleId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<Author>)[.. g.Where(l => authors.ContainsKey(l.AuthorId)).Select(l => authors[l.AuthorId])]);
    }

    protected override IReadOnlyList<Author> Missing(int key) => [];
}
