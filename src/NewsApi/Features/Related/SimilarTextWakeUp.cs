using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsApi.Features.Related;

/// <summary>
/// Wakes the <see cref="SimilarTextIndexer"/> after every save, so a published or edited article gets its
/// suggestions within moments instead of at the next poll. The indexer depends on this, not the reverse: the
/// interceptor joins every context, and the indexer needs contexts.
/// </summary>
public sealed class SimilarTextWakeUp : SaveChangesInterceptor, IDisposable
{
    private readonly SemaphoreSlim signal = new(0);

    public void Dispose() => signal.Dispose();

    public void Wake()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (ObjectDisposedException)
        {
            // A save while the host shuts down: nobody is waiting any more.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Wake();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wake();
        return ValueTask.FromResult(result);
    }
}
