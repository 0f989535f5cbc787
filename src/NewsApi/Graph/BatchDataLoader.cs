using GraphQL.DataLoader;

namespace NewsApi.Graph;

/// <summary>
/// Collects the keys that sibling resolvers ask for and fetches them in one round trip.
/// GraphQL.NET's execution strategy resolves every field of a level before it awaits data loader results, so the
/// first await finds every key of that level queued. One instance per request (scoped): results are cached for the
/// request only, never across callers who may see different content.
/// </summary>
public abstract class BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue>> loads = [];
    private List<TKey> pending = [];

    public IDataLoaderResult<TValue> LoadAsync(TKey key)
    {
        lock (gate)
        {
            if (!loads.TryGetValue(key, out var load))
            {
                load = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                loads.Add(key, load);
                pending.Add(key);
            }

            return new Result(this, load.Task);
        }
    }

    /// <summary>
    /// The values of many keys, for another loader building on this one: every key is queued before the first
    /// await, so they go out in one batch (with any keys sibling resolvers queued), and keys already loaded cost nothing.
    /// </summary>
    public async Task<Dictionary<TKey, TResult>> LoadManyAsync<TResult>(
        IEnumerable<TKey> keys, Func<TValue, TResult> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(select);
        var results = keys.Distinct().Select(key => (Key: key, Result: LoadAsync(key))).ToList();
        var values = new Dictionary<TKey, TResult>(results.Count);
        foreach (var (key, result) in results)
        {
            values[key] = select(await result.GetResultAsync(cancellationToken));
        }

        return values;
    }

    /// <summary>
    /// Hands over a value another query of this request already read, so asking for it later costs no round trip.
    /// A key already asked for keeps its own load.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        lock (gate)
        {
            if (!loads.ContainsKey(key))
            {
                var load = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                load.SetResult(value);
                loads.Add(key, load);
            }
        }
    }

    /// <summary>Fetches every key in one query. Keys left out of the answer get <see cref="Missing"/>.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    protected abstract TValue Missing(TKey key);

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        List<TKey> batch;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }

            batch = pending;
            pending = [];
        }

        try
        {
            var found = await FetchAsync(batch, cancellationToken);
            foreach (var key in batch)
            {
                loads[key].TrySetResult(found.TryGetValue(key, out var value) ? value : Missing(key));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var key in batch)
            {
                loads[key].TrySetCanceled(cancellationToken);
            }
        }
        catch (Exception exception)
        {
            foreach (var key in batch)
            {
                loads[key].TrySetException(exception);
            }
        }
    }

    private sealed class Result(BatchDataLoader<TKey, TValue> loader, Task<TValue> value) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            if (!value.IsCompleted)
            {
                await loader.DispatchAsync(cancellationToken);
            }

            return await value;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
