using System.Globalization;

namespace NewsApi.Bench.Subscribers;

/// <summary>The headline of benchmark mutation n: "bench-n run", which subscribers parse n back out of.</summary>
internal static class Marker
{
    private const string Prefix = "bench-";

    public static string Headline(int mutation, string run) => FormattableString.Invariant($"{Prefix}{mutation} {run}");

    public static bool TryParse(string? headline, out int mutation)
    {
        mutation = -1;
        if (headline is null || !headline.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = headline.IndexOf(' ', StringComparison.Ordinal);
        var digits = end < 0 ? headline.AsSpan(Prefix.Length) : headline.AsSpan(Prefix.Length, end - Prefix.Length);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out mutation);
    }
}
