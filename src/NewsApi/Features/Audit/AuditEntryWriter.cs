using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Audit;

/// <summary>
/// Writes the audit entry of a mutation attempt that changes something (<see cref="MutationAttempt.Current"/>) in
/// the same transaction as the change, after it (so a created row has its id to be named by): there is never a
/// change without its entry, nor an entry for a change that rolled back. The first save of the attempt that writes
/// rows carries the entry, whoever saves (an editor's own transaction, or one begun here for a lone SaveChanges);
/// an attempt that saved nothing is recorded afterwards by <see cref="AuditTrail.RecordAsync"/>.
/// </summary>
public sealed class AuditEntryWriter(TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingEntry> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (MutationAttempt.Current is not { Recorded: false, Claimant: null } attempt
            || eventData.Context is not NewsDbContext db
            || pending.TryGetValue(db, out _))
        {
            return result;
        }

        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry))
        {
            return result;
        }

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        attempt.Claimant = db;
        pending.AddOrUpdate(db, new PendingEntry(attempt, TargetRow(db, attempt.ResultType), owned));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not NewsDbContext db || !pending.TryGetValue(db, out var entry) || entry.Writing)
        {
            return result;
        }

        entry.Writing = true;
        try
        {
            var attempt = entry.Attempt;
            db.AuditEntries.Add(AuditTrail.NewEntry(clock.GetUtcNow().UtcDateTime, attempt.Operation, attempt.Caller,
                AuditTrail.TargetOf(entry.Target, attempt.Input), AuditTrail.Ok, null));
            await db.SaveChangesAsync(cancellationToken);
            if (entry.OwnedTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            attempt.Recorded = true;
        }
        finally
        {
            await ForgetAsync(db, entry);
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        // A failure of the entry's own save is cleaned up by SavedChangesAsync, which is still running.
        if (eventData.Context is NewsDbContext db && pending.TryGetValue(db, out var entry) && !entry.Writing)
        {
            await ForgetAsync(db, entry);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is NewsDbContext db && pending.TryGetValue(db, out var entry) && !entry.Writing)
        {
            await ForgetAsync(db, entry);
        }
    }

    /// <summary>
    /// What the entry names: the one row of the mutation's result type that the save adds (a create's new row), else
    /// the one such row the context tracks (the row an update loaded); failing both, the input's id.
    /// </summary>
    private static object? TargetRow(NewsDbContext db, Type resultType)
    {
        var rows = db.ChangeTracker.Entries().Where(e => resultType.IsInstanceOfType(e.Entity)).ToList();
        var added = rows.Where(e => e.State == EntityState.Added).ToList();
        return added.Count == 1 ? added[0].Entity : rows.Count == 1 ? rows[0].Entity : null;
    }

    private async Task ForgetAsync(DbContext db, PendingEntry entry)
    {
        pending.Remove(db);
        if (!entry.Attempt.Recorded && ReferenceEquals(entry.Attempt.Claimant, db))
        {
            // The save failed and rolled back: a later save of the same attempt (an editor's retry) carries the entry.
            entry.Attempt.Claimant = null;
        }

        if (entry.OwnedTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }
    }

    private sealed class PendingEntry(MutationAttempt attempt, object? target, IDbContextTransaction? ownedTransaction)
    {
        public MutationAttempt Attempt { get; } = attempt;

        public object? Target { get; } = target;

        public IDbContextTransaction? OwnedTransaction { get; } = ownedTransaction;

        public bool Writing { get; set; }
    }
}
