using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Live;

/// <summary>
/// Writes the event log as a side effect of every save, whoever saves (mutations, the scheduler, seeding): a ticker
/// item added, changed, expired or removed; an article published, corrected, updated or withdrawn; a tag changed or
/// removed. Live subscriptions and the delta sync (`changes`) both read it. The events go into the same
/// transaction as the change, after the change (so new rows have their ids), under a store-wide lock on PostgreSQL
/// so that sequence numbers commit in order — a reader that has seen sequence N can never later find N-1 appear.
/// </summary>
public sealed class ContentEventRecorder(TimeProvider clock, ContentEventHub hub) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Any constant: the PostgreSQL advisory lock that orders event writers.</summary>
    private const long EventLogLock = 0x4E657773;

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    private static readonly AsyncLocal<bool> Suppressed = new();

    private readonly ConditionalWeakTable<DbContext, PendingSave> pending = [];

    /// <summary>
    /// Saves inside the returned scope write no events. For bulk loads (seeding, the demo generator): nobody is
    /// subscribed to a store being filled, and a million events would double the load's work.
    /// </summary>
    public static IDisposable SuppressForBulkLoad()
    {
        Suppressed.Value = true;
        return new Restore();
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Suppressed.Value || eventData.Context is not NewsDbContext db || pending.TryGetValue(db, out _))
        {
            return result;
        }

        db.ChangeTracker.DetectChanges();
        var changes = Collect(db, clock.GetUtcNow().UtcDateTime);
        if (changes.Count == 0)
        {
            return result;
        }

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await LockEventLogAsync(db, cancellationToken);
        pending.AddOrUpdate(db, new PendingSave(changes, owned));
        return result;
    }

    /// <summary>
    /// Takes the event log's write lock for the rest of the current transaction (PostgreSQL; SQLite has one writer
    /// at a time anyway). Anything that appends events outside a save of content must take it too.
    /// </summary>
    public static async Task LockEventLogAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({EventLogLock})", cancellationToken);
        }
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not NewsDbContext db || !pending.TryGetValue(db, out var save) || save.Recorded)
        {
            return result;
        }

        save.Recorded = true;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // One event per entity and kind: a save that retags an article twice is one change to it.
            db.ContentEvents.AddRange(save.Changes.Select(change => change.ToEvent(now)).DistinctBy(e => (e.Kind, e.EntityId)));
            await db.SaveChangesAsync(cancellationToken);
            if (save.OwnedTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (InvalidOperationException exception) when (DatabaseUnavailableException.ConnectionBroke(db))
        {
            throw new DatabaseUnavailableException("The connection broke while the change was being recorded; nothing was committed.", exception);
        }
        finally
        {
            await ForgetAsync(db, save);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetPendingAsync(eventData.Context);

    // EF reports a lost concurrency check and a cancelled save here, not as failures. Contexts are pooled: a save left
    // pending would be "recorded" by the next lease of the context, committing this save's dead transaction.
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await ForgetPendingAsync(eventData.Context);
        return result;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetPendingAsync(eventData.Context);

    /// <summary>The save did not commit: its events go with it.</summary>
    private async Task ForgetPendingAsync(DbContext? context)
    {
        if (context is NewsDbContext db && pending.TryGetValue(db, out var save))
        {
            await ForgetAsync(db, save);
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        !Suppressed.Value && eventData.Context is NewsDbContext db && Collect(db, clock.GetUtcNow().UtcDateTime).Count > 0
            ? throw new InvalidOperationException("Content changes must be saved with SaveChangesAsync so their events are recorded.")
            : result;

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => hub.Wake();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Wakes this instance at once; other instances hear of it through PostgreSQL NOTIFY.
        hub.Wake();
        return Task.CompletedTask;
    }

    private async Task ForgetAsync(DbContext db, PendingSave save)
    {
        pending.Remove(db);
        if (save.OwnedTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }
    }

    private static List<Change> Collect(NewsDbContext db, DateTime now)
    {
        var changes = new List<Change>();
        foreach (var entry in db.ChangeTracker.Entries<TickerItem>())
        {
            ContentEventKind? kind = entry.State switch
            {
                EntityState.Added => ContentEventKind.TickerAdded,
                EntityState.Deleted => ContentEventKind.TickerRemoved,
                EntityState.Modified when entry.Property(t => t.ExpiresAt).IsModified && entry.Entity.ExpiresAt <= now => ContentEventKind.TickerExpired,
                EntityState.Modified => ContentEventKind.TickerUpdated,
                _ => null,
            };
            if (kind is { } k)
            {
                changes.Add(new Change(k, entry));
            }
        }

        var articlesWithEvents = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries<Article>())
        {
            if (ArticleEvent(entry, now) is { } kind)
            {
                changes.Add(new Change(kind, entry));
                articlesWithEvents.Add(entry.Entity);
            }
        }

        // Retagging or re-bylining a public article changes what readers see of it, though no article column changed.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is ArticleTag or ArticleAuthor && e.State is EntityState.Added or EntityState.Deleted))
        {
            var article = entry.Entity is ArticleTag tag ? tag.Article : ((ArticleAuthor)entry.Entity).Article;
            if (article is null || articlesWithEvents.Add(article))
            {
                changes.Add(new Change(ContentEventKind.ArticleUpdated, entry));
            }
        }

        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Tag or Section or Author))
        {
            ContentEventKind? kind = (entry.Entity, entry.State) switch
            {
                (Tag, EntityState.Added or EntityState.Modified) => ContentEventKind.TagChanged,
                (Tag, EntityState.Deleted) => ContentEventKind.TagRemoved,
                (Section, EntityState.Added or EntityState.Modified) => ContentEventKind.SectionChanged,
                (Section, EntityState.Deleted) => ContentEventKind.SectionRemoved,
                (Author, EntityState.Added or EntityState.Modified) => ContentEventKind.AuthorChanged,
                (Author, EntityState.Deleted) => ContentEventKind.AuthorRemoved,
                _ => null,
            };
            if (kind is { } k)
            {
                changes.Add(new Change(k, entry));
            }
        }

        return changes;
    }

    private static ContentEventKind? ArticleEvent(EntityEntry<Article> entry, DateTime now)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return null;
        }

        var article = entry.Entity;
        var publicNow = entry.State != EntityState.Deleted && article.Status == ArticleStatus.Published && article.PublishedAt <= now;
        var wasPublic = entry.State != EntityState.Added
            && entry.Property(a => a.Status).OriginalValue == ArticleStatus.Published
            && entry.Property(a => a.PublishedAt).OriginalValue <= now;
        return (publicNow, wasPublic) switch
        {
            (true, false) => ContentEventKind.ArticlePublished,
            (false, true) => ContentEventKind.ArticleWithdrawn,
            (true, true) when entry.Property(a => a.Headline).IsModified || entry.Property(a => a.Body).IsModified || entry.Property(a => a.Standfirst).IsModified
                => ContentEventKind.ArticleCorrected,
            (true, true) => ContentEventKind.ArticleUpdated,
            _ => null,
        };
    }

    private sealed record Change(ContentEventKind Kind, EntityEntry Entry)
    {
        public ContentEvent ToEvent(DateTime now) => Entry.Entity switch
        {
            TickerItem item => new ContentEvent { Kind = Kind, EntityId = item.Id, OccurredAt = now, Snapshot = JsonSerializer.Serialize(TickerSnapshot.Of(item), SnapshotJson) },
            Article article => new ContentEvent { Kind = Kind, EntityId = article.Id, OccurredAt = now },
            ArticleTag tag => new ContentEvent { Kind = Kind, EntityId = tag.ArticleId, OccurredAt = now },
            ArticleAuthor author => new ContentEvent { Kind = Kind, EntityId = author.ArticleId, OccurredAt = now },
            Tag tag => new ContentEvent { Kind = Kind, EntityId = tag.Id, OccurredAt = now },
            Section section => new ContentEvent { Kind = Kind, EntityId = section.Id, OccurredAt = now },
            Author author => new ContentEvent { Kind = Kind, EntityId = author.Id, OccurredAt = now },
            _ => throw new InvalidOperationException($"No event for {Entry.Entity.GetType().Name}."),
        };
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Suppressed.Value = false;
    }

    private sealed class PendingSave(List<Change> changes, IDbContextTransaction? ownedTransaction)
    {
        public List<Change> Changes { get; } = changes;

        public IDbContextTransaction? OwnedTransaction { get; } = ownedTransaction;

        public bool Recorded { get; set; }
    }
}
