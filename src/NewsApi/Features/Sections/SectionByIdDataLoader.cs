using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Sections;

public sealed class SectionByIdDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<int, Section?>
{
    protected override async Task<IReadOnlyDictionary<int, Section?>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sections.Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (Section?)s, cancellationToken);
    }

    protected override Section? Missing(int key) => null;
}
