using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Search;
using NewsApi.Graph;

namespace NewsApi.Features.Tags;

/// <summary>Pages through tags by (name, id), optionally narrowed by a text query and a kind.</summary>
public sealed class TagDirectory(IDbContextFactory<NewsDbContext> contexts)
{
    private const string CursorKind = "tags";

    public async Task<ConnectionPage<Tag>> PageAsync(string? text, TagKind? kind, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Matching(db, text, kind);
        var ascending = !page.Backward;
        if (page.Cursor is not null)
        {
            var parts = CursorCodec.Decode(CursorKind, page.Cursor, 2);
            var name = parts[0];
            var id = CursorCodec.DecodeId(page.Cursor, parts[1]);
            // EF Core turns string.Compare into the store's own comparison, the same order ORDER BY uses.
#pragma warning disable CA1309
            query = ascending
                ? query.Where(t => string.Compare(t.Name, name) > 0 || (t.Name == name && t.Id > id))
                : query.Where(t => string.Compare(t.Name, name) < 0 || (t.Name == name && t.Id < id));
#pragma warning restore CA1309
        }

        query = ascending ? query.OrderBy(t => t.Name).ThenBy(t => t.Id) : query.OrderByDescending(t => t.Name).ThenByDescending(t => t.Id);
        var rows = await query.Take(page.Size + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > page.Size;
        if (hasMore)
        {
            rows.RemoveAt(page.Size);
        }

        if (page.Backward)
        {
            rows.Reverse();
        }

        var edges = rows.Select(t => new ConnectionEdge<Tag>(CursorCodec.Encode(CursorKind, t.Name, t.Id.ToString(CultureInfo.InvariantCulture)), t)).ToList();
        return new ConnectionPage<Tag>(
            edges,
            HasNextPage: page.Backward ? page.Cursor is not null : hasMore,
            HasPreviousPage: page.Backward ? hasMore : page.Cursor is not null,
            CountAsync: async token =>
            {
                await using var countDb = await contexts.CreateDbContextAsync(token);
                return await Matching(countDb, text, kind).CountAsync(token);
            });
    }

    private static IQueryable<Tag> Matching(NewsDbContext db, string? text, TagKind? kind)
    {
        IQueryable<Tag> query = db.Tags;
        if (kind is { } k)
        {
            query = query.Where(t => t.Kind == k);
        }

        // The same normalisation as article search; every word must start a word of the name, English name or slug,
        // as written or as stemmed (الع finds العراق, عراق finds it too).
        foreach (var word in ArabicNormalizer.Words(text))
        {
            var written = " " + word;
            var stemmed = " " + ArabicStemmer.Stem(word);
            query = query.Where(t => t.SearchName.Contains(written) || t.SearchName.Contains(stemmed));
        }

        return query;
    }
}
