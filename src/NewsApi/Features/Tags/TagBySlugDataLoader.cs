using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

public sealed class TagBySlugDataLoader(IDbContextFactory<NewsDbContext> contexts) : BatchDataLoader<string, Tag?>
{
    /// <summary>
    /// The tag page's lookup, compiled and by <c>slug = $1</c>: as <c>slug = ANY($1)</c> PostgreSQL never keeps the
    /// prepared statement's generic plan and plans every execution anew.
    /// </summary>
    private static readonly Func<PostgresNewsDbContext, string, IAsyncEnumerable<Tag>> OneOnPostgres =
        EF.CompileAsyncQuery((PostgresNewsDbContext db, string slug) => db.Tags.Where(t => t.Slug == slug));

    protected override async Task<IReadOnlyDictionary<string, Tag?>> FetchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tags = db is PostgresNewsDbContext postgres && keys.Count == 1
            ? OneOnPostgres(postgres, keys[0])
            : db.Tags.Where(t => keys.Contains(t.Slug)).AsAsyncEnumerable();
        return await tags.ToDictionaryAsync(t => t.Slug, t => (Tag?)t, StringComparer.Ordinal, cancellationToken);
    }

    protected override Tag? Missing(string key) => null;
}
