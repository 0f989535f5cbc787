using System.Globalization;

namespace NewsApi.Bench.Subscribers;

/// <summary>Command-line options: --name value pairs.</summary>
internal sealed record BenchOptions(
    Uri Http,
    Uri WebSocket,
    string Key,
    int Connections,
    int Mutations,
    int? ServerPid,
    int GapMilliseconds,
    int TimeoutSeconds,
    int OpenParallel,
    int MaxMinutes)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string? fallback = null) =>
            values.TryGetValue(name, out var value) ? value
            : fallback ?? throw new ArgumentException($"--{name} is required");
        int Number(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var http = new Uri(Get("http"));
        var ws = new UriBuilder(http) { Scheme = http.Scheme == "https" ? "wss" : "ws" }.Uri;
        return new BenchOptions(
            http,
            ws,
            Get("key"),
            Number("connections", 1000),
            Number("mutations", 50),
            values.ContainsKey("server-pid") ? Number("server-pid", 0) : null,
            Number("gap-ms", 200),
            Number("timeout-s", 30),
            Number("open-parallel", 64),
            Number("max-minutes", 30));
    }
}
