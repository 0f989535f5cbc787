using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

/// <summary>The tags of many articles in one query, main subject first.</summary>
public sealed class TagsByArticleIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, IReadOnlyList<Tag>>
{
    protected override async Task<IReadOnlyDictionary<int, IReadOnlyList<Tag>>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ArticleTags
            .Where(at => keys.Contains(at.ArticleId))
            .OrderBy(at => at.ArticleId).ThenBy(at => at.Position).ThenBy(at => at.TagId)
            .Select(at => new { at.ArticleId, at.Tag })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key, g => (IReadOnlyList<Tag>)g.Select(r => r.Tag!).ToList());
    }

    protected override IReadOnlyList<Tag> Missing(int key) => [];
}
