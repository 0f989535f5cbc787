using Microsoft.Extensions.Options;
using NewsApi.Hosting;

namespace NewsApi.Features.Search;

/// <summary>
/// How many searches run their queries at once: two per core unless <see cref="SearchOptions.ConcurrentQueries"/> says. A search is the heaviest read there is (tens of
/// milliseconds of PostgreSQL, a thousand-row window in memory); more at once than the cores can run only interleaves
/// them, each holding its connection and its window for longer. Past the limit a search waits for a slot, bounded
/// by its request's cancellation and timeout like any other wait.
/// </summary>
public sealed class SearchConcurrency(IOptions<SearchOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.ConcurrentQueries ?? 2 * Environment.ProcessorCount);

    /// <summary>Waits for a slot; disposing the result gives it back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new SemaphoreLease(slots);
    }

    public void Dispose() => slots.Dispose();
}
