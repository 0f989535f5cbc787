using System.Globalization;

namespace NewsApi.Bench.Subscribers;

/// <summary>What one run measured.</summary>
internal sealed class RunResult
{
    public int Connections { get; init; }

    public int Mutations { get; init; }

    public int Opened { get; set; }

    public double OpenSeconds { get; set; }

    public int BrokenConnections { get; set; }

    public int MutationErrors { get; set; }

    /// <summary>Subscriber receipts that never came (summed over the measured mutations).</summary>
    public int MissingReceipts { get; set; }

    public long ServerRssBeforeKb { get; set; }

    public long ServerRssAfterKb { get; set; }

    public long ClientRssBeforeKb { get; set; }

    public long ClientRssAfterKb { get; set; }

    /// <summary>Per mutation: from sending it to the last subscriber's receipt (includes the mutation's own work).</summary>
    public List<double> LastFromSendMs { get; } = [];

    /// <summary>Per mutation: from its HTTP response (the commit is done) to the last subscriber's receipt.</summary>
    public List<double> LastFromResponseMs { get; } = [];

    /// <summary>Per mutation: from sending it to the median subscriber's receipt.</summary>
    public List<double> MedianFromSendMs { get; } = [];

    public int Failures => (Connections - Opened) + BrokenConnections + MutationErrors + MissingReceipts;

    public double ServerKbPerConnection => Opened == 0 ? 0 : (ServerRssAfterKb - ServerRssBeforeKb) / (double)Opened;

    /// <summary>
    /// RESULT connections opened open_s failures p50_last_send p99_last_send p50_last_response p99_last_response
    /// p50_median_send server_rss_before_mb server_rss_after_mb kb_per_connection client_rss_after_mb samples
    /// </summary>
    public string ToResultLine() => string.Join('\t', new object[]
    {
        "RESULT", Connections, Opened, F(OpenSeconds), Failures,
        F(Percentile(LastFromSendMs, 50)), F(Percentile(LastFromSendMs, 99)),
        F(Percentile(LastFromResponseMs, 50)), F(Percentile(LastFromResponseMs, 99)),
        F(Percentile(MedianFromSendMs, 50)),
        F(ServerRssBeforeKb / 1024.0), F(ServerRssAfterKb / 1024.0), F(ServerKbPerConnection),
        F(ClientRssAfterKb / 1024.0), LastFromSendMs.Count,
    }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    public string ToSummary() => FormattableString.Invariant(
        $"{Opened}/{Connections} subscribers, {LastFromSendMs.Count}/{Mutations} mutations: last receipt p50 {Percentile(LastFromSendMs, 50):F1} ms, p99 {Percentile(LastFromSendMs, 99):F1} ms after sending ({Percentile(LastFromResponseMs, 50):F1} / {Percentile(LastFromResponseMs, 99):F1} ms after the response); server RSS {ServerRssBeforeKb / 1024} -> {ServerRssAfterKb / 1024} MB, {ServerKbPerConnection:F1} KB per connection; failures {Failures} (unopened {Connections - Opened}, broken {BrokenConnections}, mutation errors {MutationErrors}, missing receipts {MissingReceipts})");

    /// <summary>Nearest-rank percentile; NaN when there is nothing to rank.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
