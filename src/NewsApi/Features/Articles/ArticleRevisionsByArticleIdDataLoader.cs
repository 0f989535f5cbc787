using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Every revision of the requested articles, newest first, in one query.</summary>
public sealed class ArticleRevisionsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, IReadOnlyList<ArticleRevision>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<ArticleRevision>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ArticleRevisions.Where(r => keys.Contains(r.ArticleId)).OrderByDescending(r => r.Version).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => (IReadOnlyList<ArticleRevision>)[.. g]);
    }

    protected override IReadOnlyList<ArticleRevision> Missing(int key) => [];
}
