using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Articles;

/// <summary>Article bodies, loaded only for the articles whose body a request selects.</summary>
public sealed class ArticleBodyByIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, IReadOnlyList<ArticleBlock>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<ArticleBlock>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Articles.Where(a => keys.Contains(a.Id)).Select(a => new { a.Id, a.Body }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (IReadOnlyList<ArticleBlock>)r.Body);
    }

    protected override IReadOnlyList<ArticleBlock> Missing(int key) => [];
}
