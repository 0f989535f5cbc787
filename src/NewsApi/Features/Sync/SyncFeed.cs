using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Features.Articles;
using NewsApi.Features.Tags;
using NewsApi.Features.Tickers;
using NewsApi.Graph;

namespace NewsApi.Features.Sync;

/// <summary>
/// "What changed since" for offline apps, read from the event log. Each change is resolved against the present:
/// an object a reader can see now is an UPSERT with its current state, anything else a DELETE tombstone. Within a
/// page only an object's last change is kept. So whatever happened in between, an app that applies every page in
/// order ends with exactly the published set.
/// </summary>
public sealed class SyncFeed(
    IDbContextFactory<NewsDbContext> contexts,
    ArticleByIdDataLoader articles,
    TickerItemByIdDataLoader tickerItems,
    TagByIdDataLoader tags)
{
    public async Task<ConnectionPage<SyncChange>> PageAsync(long? since, int first, CancellationToken cancellationToken)
    {
        var after = since ?? 0;
        List<ContentEvent> events;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            events = await Synced(db.ContentEvents).Where(e => e.Id > after).OrderBy(e => e.Id).Take(first + 1).ToListAsync(cancellationToken);
        }

        var hasMore = events.Count > first;
        if (hasMore)
        {
            events.RemoveAt(first);
        }

        // The last change to each object in this page stands for all of them.
        var latest = events
            .GroupBy(e => (Type: TypeOf(e.Kind), e.EntityId))
            .Select(g => g.MaxBy(e => e.Id)!)
            .OrderBy(e => e.Id)
            .ToList();

        var loads = latest.Select(e => (Event: e, Type: TypeOf(e.Kind), Load: TypeOf(e.Kind) switch
        {
            ArticleGraphType.TypeName => (GraphQL.DataLoader.IDataLoaderResult)articles.LoadAsync(e.EntityId),
            TickerItemGraphType.TypeName => tickerItems.LoadAsync(e.EntityId),
            _ => tags.LoadAsync(e.EntityId),
        })).ToList();

        var edges = new List<ConnectionEdge<SyncChange>>(loads.Count);
        foreach (var (contentEvent, type, load) in loads)
        {
            var node = await load.GetResultAsync(cancellationToken);
            var change = new SyncChange(contentEvent.Id, node is null ? ChangeKind.Delete : ChangeKind.Upsert, type, contentEvent.EntityId, contentEvent.OccurredAt, node);
            edges.Add(new ConnectionEdge<SyncChange>(contentEvent.Id.ToString(CultureInfo.InvariantCulture), change));
        }

        return new ConnectionPage<SyncChange>(edges, hasMore, after > 0, async token =>
        {
            await using var db = await contexts.CreateDbContextAsync(token);
            return await Synced(db.ContentEvents).CountAsync(e => e.Id > after, token);
        });
    }

    /// <summary>Sync carries articles, ticker items and tags; sections and authors travel inside the articles.</summary>
    private static IQueryable<ContentEvent> Synced(IQueryable<ContentEvent> events) =>
        events.Where(e => e.Kind != ContentEventKind.SectionChanged && e.Kind != ContentEventKind.SectionRemoved
            && e.Kind != ContentEventKind.AuthorChanged && e.Kind != ContentEventKind.AuthorRemoved);

    private static string TypeOf(ContentEventKind kind) => kind switch
    {
        ContentEventKind.TickerAdded or ContentEventKind.TickerUpdated or ContentEventKind.TickerExpired or ContentEventKind.TickerRemoved => TickerItemGraphType.TypeName,
        ContentEventKind.TagChanged or ContentEventKind.TagRemoved => TagGraphType.TypeName,
        _ => ArticleGraphType.TypeName,
    };
}
