using Microsoft.Extensions.Options;
using NewsApi.Hosting;

namespace NewsApi.Transport;

/// <summary>
/// How many GraphQL HTTP requests execute at once on this instance; the others wait their turn, in arrival order, for
/// at most <see cref="GraphQLHttpOptions.MaxExecutionWait"/>. Once the cores are busy, admitting more only interleaves
/// requests on the thread pool: none finishes sooner, the unluckiest finish much later (the pool serves work items,
/// not requests), and each holds its allocations and a pooled connection meanwhile. In line, throughput stays and the
/// tail shrinks (BENCHMARKS.md, step 15). Reading the request and writing the response happen outside the line, so a
/// slow client holds no slot.
/// </summary>
public sealed class GraphQLExecutionSlots(IOptions<GraphQLHttpOptions> options) : IDisposable
{
    /// <summary>Requests executing at once per core when <see cref="GraphQLHttpOptions.MaxConcurrentExecutions"/> is unset.</summary>
    public const int DefaultPerCore = 2;

    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentExecutions ?? DefaultPerCore * Environment.ProcessorCount);

    /// <summary>
    /// A slot, once one is free; null when none came free within the longest wait. A client that leaves while waiting
    /// gives up its place (the wait throws). Disposing the slot gives it back.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await slots.WaitAsync(options.Value.MaxExecutionWait, cancellationToken) ? new SemaphoreLease(slots) : null;

    public void Dispose() => slots.Dispose();
}
