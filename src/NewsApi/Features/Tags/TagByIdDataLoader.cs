using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public sealed class TagByIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, Tag?>
{
    protected override async Task<IReadOnlyDictionary<int, Tag?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tags.Where(t => keys.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (Tag?)t, cancellationToken);
    }

    protected override Tag? Missing(int key) => null;
}
