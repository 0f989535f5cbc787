using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Authors;

public sealed class AuthorByIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, Author?>
{
    protected override async Task<IReadOnlyDictionary<int, Author?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Authors.Where(a => keys.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (Author?)a, cancellationToken);
    }

    protected override Author? Missing(int key) => null;
}
