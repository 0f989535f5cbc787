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
    // Keyed by the attempt, not the context: pooled contexts are reused, and EF does not report every failed save
    // (a SavingChanges interceptor that throws, a concurrency exception), so a claim must not outlive its attempt.
    private readonly ConditionalWeakTable<MutationAttempt, PendingEntry> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (MutationAttempt.Current is not { Recorded: false } attempt
            || eventData.Context is not NewsDbContext db
            || (pending.TryGetValue(attempt, out var claimed) && (claimed.Writing || ReferenceEquals(claimed.Context, db))))
        {
            // Not in an attempt, already recorded, or a save nested in the one that carries the entry.
            return result;
        }

        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry))
        {
            return result;
        }

        // A claim on another context belonged to a save that failed: this one takes it over.
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        pending.AddOrUpdate(attempt, new PendingEntry(db, TargetRow(db, attempt.ResultType), owned));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (MutationAttempt.Current is not { } attempt || Claim(attempt, eventData.Context) is not { } entry)
        {
            return result;
        }

        entry.Writing = true;
        try
        {
            entry.Context.AuditEntries.Add(AuditTrail.NewEntry(clock.GetUtcNow().UtcDateTime, attempt.Operation, attempt.Caller,
                AuditTrail.TargetOf(entry.Target, attempt.Input), AuditTrail.Ok, null));
            await entry.Context.SaveChangesAsync(cancellationToken);
            if (entry.OwnedTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            attempt.Recorded = true;
        }
        catch (InvalidOperationException exception) when (DatabaseUnavailableException.ConnectionBroke(entry.Context))
        {
            throw new DatabaseUnavailableException("The connection broke while the change was being audited; nothing was committed.", exception);
        }
        finally
        {
            await ForgetAsync(attempt, entry);
        }

        return result;
    }

    // The save rolled back: a later save of the same attempt (an editor's retry) carries the entry.
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetClaimAsync(eventData.Context);

    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        // EF reports a lost concurrency check here, not as a failure; the editor answers CONFLICT, recorded afterwards.
        await ForgetClaimAsync(eventData.Context);
        return result;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetClaimAsync(eventData.Context);

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

    /// <summary>The attempt's claim if <paramref name="context"/> holds it and is not already writing the entry (a failure of that save is cleaned up by the writer).</summary>
    private PendingEntry? Claim(MutationAttempt attempt, DbContext? context) =>
        pending.TryGetValue(attempt, out var entry) && !entry.Writing && ReferenceEquals(entry.Context, context) ? entry : null;

    /// <summary>A save of the current attempt on <paramref name="context"/> did not commit: its claim goes with it.</summary>
    private async Task ForgetClaimAsync(DbContext? context)
    {
        if (MutationAttempt.Current is { } attempt && Claim(attempt, context) is { } entry)
        {
            await ForgetAsync(attempt, entry);
        }
    }

    private async Task ForgetAsync(MutationAttempt attempt, PendingEntry entry)
    {
        pending.Remove(attempt);
        if (entry.OwnedTransaction is { } transaction)
        {
            await transaction.DisposeAsync();
        }
    }

    private sealed class PendingEntry(NewsDbContext context, object? target, IDbContextTransaction? ownedTransaction)
    {
        public NewsDbContext Context { get; } = context;

        public object? Target { get; } = target;

        public IDbContextTransaction? OwnedTransaction { get; } = ownedTransaction;

        public bool Writing { get; set; }
    }
}
