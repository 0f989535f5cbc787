using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsApi.Bench.Subscribers;

/// <summary>Opens the subscribers, fires the mutations one at a time and times each one's fan-out.</summary>
internal sealed class SubscriberRun(BenchOptions options)
{
    private const string Mutation =
        "mutation($input: CreateTickerItemInput!) { createTickerItem(input: $input) { tickerItem { id } userErrors { code message } } }";

    private readonly string runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        // Mutation 0 is the warm-up: once every subscriber has it, every subscription is live.
        var receipts = new long[options.Mutations + 1][];
        for (var i = 0; i < receipts.Length; i++)
        {
            receipts[i] = new long[options.Connections];
        }

        var received = new int[receipts.Length];
        var broken = new int[1];
        using var http = new HttpClient { BaseAddress = options.Http, Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);

        var result = new RunResult { Connections = options.Connections, Mutations = options.Mutations };
        result.ServerRssBeforeKb = ReadRssKb(options.ServerPid);
        result.ClientRssBeforeKb = ReadRssKb(Environment.ProcessId);

        var subscribers = Enumerable.Range(0, options.Connections).Select(i => new Subscriber(i, receipts, received, broken)).ToList();
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listeners = new List<Task>(subscribers.Count);
        var opening = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.OpenParallel))
        {
            var opens = subscribers.Select(async subscriber =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await subscriber.OpenAsync(options.WebSocket, cancellationToken);
                    lock (listeners)
                    {
                        listeners.Add(subscriber.ListenAsync(listening.Token));
                    }

                    return true;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log($"connection {subscriber.Index} failed to open: {exception.Message}");
                    return false;
                }
                finally
                {
                    gate.Release();
                }
            });
            result.Opened = (await Task.WhenAll(opens)).Count(ok => ok);
        }

        result.OpenSeconds = opening.Elapsed.TotalSeconds;
        Log($"{result.Opened} of {options.Connections} connections open in {result.OpenSeconds:F1} s");

        // A broken connection stops counting, so one lost subscriber does not make every mutation wait the timeout.
        int Healthy() => result.Opened - Volatile.Read(ref broken[0]);
        var warmUp = await MutateAndWaitAsync(http, 0, Healthy, received, cancellationToken);
        if (warmUp.Missing > 0)
        {
            Log($"warm-up: {warmUp.Missing} subscribers did not get the first event within {options.TimeoutSeconds} s");
        }

        // Let the server settle (allocation bursts of the connection storm) before reading its memory.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        result.ServerRssAfterKb = ReadRssKb(options.ServerPid);
        result.ClientRssAfterKb = ReadRssKb(Environment.ProcessId);

        for (var mutation = 1; mutation <= options.Mutations; mutation++)
        {
            var sample = await MutateAndWaitAsync(http, mutation, Healthy, received, cancellationToken);
            result.MutationErrors += sample.Error is null ? 0 : 1;
            result.MissingReceipts += sample.Missing;
            if (sample.Error is not null)
            {
                Log($"mutation {mutation}: {sample.Error}");
            }
            else
            {
                var times = receipts[mutation].Where(t => t != 0).Order().ToArray();
                if (times.Length > 0)
                {
                    result.LastFromSendMs.Add(Milliseconds(sample.Sent, times[^1]));
                    result.LastFromResponseMs.Add(Milliseconds(sample.Responded, times[^1]));
                    result.MedianFromSendMs.Add(Milliseconds(sample.Sent, times[times.Length / 2]));
                }
            }

            await Task.Delay(options.GapMilliseconds, cancellationToken);
        }

        result.BrokenConnections = subscribers.Count(s => s.Failure is not null);
        foreach (var failure in subscribers.Where(s => s.Failure is not null).Take(5))
        {
            Log($"connection {failure.Index}: {failure.Failure}");
        }

        await listening.CancelAsync();
        await Task.WhenAll(listeners);
        foreach (var subscriber in subscribers)
        {
            subscriber.Dispose();
        }

        return result;
    }

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static long ReadRssKb(int? pid)
    {
        if (pid is null)
        {
            return 0;
        }

        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static void Log(string message) =>
        Console.Error.WriteLine(FormattableString.Invariant($"[subscribers {DateTime.UtcNow:HH:mm:ss}] {message}"));

    private async Task<MutationSample> MutateAndWaitAsync(HttpClient http, int mutation, Func<int> expected, int[] received, CancellationToken cancellationToken)
    {
        var body = new { query = Mutation, variables = new { input = new { headline = Marker.Headline(mutation, runId) } } };
        var sent = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri("", UriKind.Relative), body, cancellationToken);
            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(json);
            if (!response.IsSuccessStatusCode || document.RootElement.TryGetProperty("errors", out _)
                || document.RootElement.GetProperty("data").GetProperty("createTickerItem").GetProperty("userErrors").GetArrayLength() > 0)
            {
                error = $"HTTP {(int)response.StatusCode}: {json}";
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            error = exception.Message;
        }

        var responded = Stopwatch.GetTimestamp();
        var deadline = Stopwatch.GetTimestamp() + (options.TimeoutSeconds * Stopwatch.Frequency);
        while (error is null && Volatile.Read(ref received[mutation]) < expected() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(1, cancellationToken);
        }

        return new MutationSample(sent, responded, error, Math.Max(0, expected() - Volatile.Read(ref received[mutation])));
    }

    private sealed record MutationSample(long Sent, long Responded, string? Error, int Missing);
}
