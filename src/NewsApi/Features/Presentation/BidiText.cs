using System.Text.RegularExpressions;

namespace NewsApi.Features.Presentation;

/// <summary>
/// Wraps left-to-right runs (Latin words, numbers, codes like "F-16" or "2026") embedded in right-to-left text in
/// Unicode isolates (LRI U+2066 … PDI U+2069), so a ticker or a push notification lays them out correctly even where
/// the front end cannot set dir on a span — the classic "Trump: 2026" jumping to the wrong end of a line.
/// </summary>
public static partial class BidiText
{
    public const char LeftToRightIsolate = '\u2066';
    public const char PopDirectionalIsolate = '\u2069';

    public static string Isolate(string text) =>
        text.Contains(LeftToRightIsolate, StringComparison.Ordinal) ? text : LeftToRightRun().Replace(text, $"{LeftToRightIsolate}$0{PopDirectionalIsolate}");

    // A run starts and ends with a Latin letter or a digit and may hold spaces and the punctuation such runs carry.
    [GeneratedRegex(@"[A-Za-z0-9](?:[A-Za-z0-9 .,:/%&+'_\-]*[A-Za-z0-9%])?")]
    private static partial Regex LeftToRightRun();
}
