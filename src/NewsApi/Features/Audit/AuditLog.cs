using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;

namespace NewsApi.Features.Audit;

/// <summary>The audit log newest first, by keyset (at, id) so entries written while an admin pages never shift it.</summary>
public sealed class AuditLog(IDbContextFactory<NewsDbContext> contexts)
{
    private const string CursorKind = "audit";

    public async Task<ConnectionPage<AuditEntry>> PageAsync(int first, string? after, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<AuditEntry> query = db.AuditEntries;
        if (after is not null)
        {
            var parts = CursorCodec.Decode(CursorKind, after, 2);
            var at = CursorCodec.DecodeTime(CursorKind, after, parts[0]);
            var id = long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ApiError(ErrorCodes.InvalidCursor, "The cursor is damaged.");
            query = query.Where(e => e.At < at || (e.At == at && e.Id < id));
        }

        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(first + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > first;
        if (hasMore)
        {
            rows.RemoveAt(first);
        }

        var edges = rows.Select(e => new ConnectionEdge<AuditEntry>(
            CursorCodec.Encode(CursorKind, CursorCodec.EncodeTime(e.At), e.Id.ToString(CultureInfo.InvariantCulture)), e)).ToList();
        return new ConnectionPage<AuditEntry>(edges, hasMore, after is not null, async token =>
        {
            await using var count = await contexts.CreateDbContextAsync(token);
            return await count.AuditEntries.CountAsync(token);
        });
    }
}
