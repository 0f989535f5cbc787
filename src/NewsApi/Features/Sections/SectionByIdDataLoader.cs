using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Caching;
using NewsApi.Graph;

namespace NewsApi.Features.Sections;

/// <summary>Sections by id from the <see cref="ReferenceCache"/>, reading only those it lacks.</summary>
public sealed class SectionByIdDataLoader(IDbContextFactory<NewsDbContext> contexts, ReferenceCache cache) : BatchDataLoader<int, Section?>
{
    protected override async Task<IReadOnlyDictionary<int, Section?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var sections = await cache.GetManyAsync(
            keys,
            SurrogateKeys.Section,
            s => s.Id,
            async (ids, token) =>
            {
                await using var db = await contexts.CreateDbContextAsync(token);
                return await db.Sections.Where(s => ids.Contains(s.Id)).ToListAsync(token);
            },
            cancellationToken);
        return sections.ToDictionary(s => s.Key, s => (Section?)s.Value);
    }

    protected override Section? Missing(int key) => null;
}
