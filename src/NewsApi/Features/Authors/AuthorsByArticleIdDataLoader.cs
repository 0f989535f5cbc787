using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Authors;

/// <summary>The bylines of many articles in one query, each in its editorial order.</summary>
public sealed class AuthorsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, IReadOnlyList<Author>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Author>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ArticleAuthors
            .Where(aa => keys.Contains(aa.ArticleId))
            .OrderBy(aa => aa.ArticleId).ThenBy(aa => aa.Position).ThenBy(aa => aa.AuthorId)
            .Select(aa => new { aa.ArticleId, aa.Author })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => (IReadOnlyList<Author>)g.Select(r => r.Author!).ToList());
    }

    protected override IReadOnlyList<Author> Missing(int key) => [];
}
