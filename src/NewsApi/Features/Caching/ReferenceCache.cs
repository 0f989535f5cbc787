using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace NewsApi.Features.Caching;

/// <summary>
/// Tags, sections and authors by id, shared by every request of this instance. Every card of every list names them,
/// they change rarely, and joining them into each page cost more than the page itself. Entries are keyed by their
/// surrogate keys (<c>tag:12</c>) and go when <see cref="SurrogateKeyPurger"/> reads an event that stales that key —
/// any instance's write, through the event log, like the server cache — and after <see cref="Lifetime"/> in any case.
/// </summary>
public sealed class ReferenceCache : IDisposable
{
    /// <summary>The backstop: how long an entry may live even if no event ever names it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const int MaxEntries = 100_000;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly ConcurrentDictionary<string, CancellationTokenSource> watches = new(StringComparer.Ordinal);
    private CancellationTokenSource everything = new();

    /// <summary>
    /// The values of <paramref name="ids"/>: those cached, plus those <paramref name="load"/> reads for the rest, which
    /// are cached unless an eviction of their key happened while they were read (so a slow read never puts back a value
    /// older than the event that evicted it). Ids the store does not have are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, T>> GetManyAsync<T>(
        IEnumerable<int> ids,
        Func<int, string> keyOf,
        Func<T, int> idOf,
        Func<IReadOnlyList<int>, CancellationToken, Task<List<T>>> load,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(load);
        var found = new Dictionary<int, T>();
        List<int>? missing = null;
        foreach (var id in ids)
        {
            if (found.ContainsKey(id) || missing?.Contains(id) == true)
            {
                continue;
            }

            if (entries.TryGetValue(keyOf(id), out var cached) && cached is T value)
            {
                found.Add(id, value);
            }
            else
            {
                (missing ??= []).Add(id);
            }
        }

        if (missing is null)
        {
            return found;
        }

        // Taken before the read, so an eviction during it is attached to what it returns.
        var all = Volatile.Read(ref everything).Token;
        var keyWatches = missing.ToDictionary(id => id, id => Watch(keyOf(id)));
        foreach (var value in await load(missing, cancellationToken))
        {
            var id = idOf(value);
            found[id] = value;
            var options = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime }
                .AddExpirationToken(new CancellationChangeToken(all));
            if (keyWatches.TryGetValue(id, out var watch))
            {
                options.AddExpirationToken(new CancellationChangeToken(watch));
            }

            entries.Set(keyOf(id), value, options);
        }

        return found;
    }

    /// <summary>Drops the entry of one surrogate key, and anything being read for it right now.</summary>
    public void Evict(string key)
    {
        if (key == SurrogateKeys.Everything)
        {
            EvictAll();
            return;
        }

        // Not disposed: a reader may still be attaching the token to an entry, which then expires at once.
        if (watches.TryRemove(key, out var watch))
        {
            watch.Cancel();
        }

        entries.Remove(key);
    }

    /// <summary>Drops everything (events were missed, so nothing cached can be trusted).</summary>
    public void EvictAll()
    {
        var old = Interlocked.Exchange(ref everything, new CancellationTokenSource());
        old.Cancel();
        entries.Compact(1.0);
    }

    public void Dispose()
    {
        entries.Dispose();
        everything.Dispose();
    }

    private CancellationToken Watch(string key) => watches.GetOrAdd(key, static _ => new CancellationTokenSource()).Token;
}
