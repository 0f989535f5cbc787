using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public sealed class TagBySlugDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<string, Tag?>
{
    protected override async Task<IReadOnlyDictionary<string, Tag?>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tags.Where(t => keys.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, t => (Tag?)t, StringComparer.Ordinal, cancellationToken);
    }

    protected override Tag? Missing(string key) => null;
}
