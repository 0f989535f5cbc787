using System.Collections.Concurrent;

namespace NewsApi.Hosting;

/// <summary>
/// Long-lived responses (WebSocket sessions, event streams) that must end properly before the server stops. Before
/// any hosted service stops, and so before Kestrel starts tearing connections down, every stream is told to finish
/// (complete its subscriptions, close its socket with 1001, end its response) and awaited, within the host's
/// shutdown timeout.
/// </summary>
public sealed class OpenStreams : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, bool> running = new();

    /// <summary>Cancelled when the host begins to stop.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Runs <paramref name="stream"/>, which ends by itself once <see cref="Stopping"/> is cancelled.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var task = stream(stopping.Token);
        running.TryAdd(task, true);
        try
        {
            await task;
        }
        finally
        {
            running.TryRemove(task, out _);
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await Task.WhenAll(running.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => stopping.Dispose();
}
