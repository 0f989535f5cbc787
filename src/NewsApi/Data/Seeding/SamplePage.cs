using System.Text;

namespace NewsApi.Data.Seeding;

/// <summary>
/// The sample news page, parsed from its embedded copy: the ticker's headline/excerpt pairs and the related
/// article's headline and paragraphs. Reading the page (rather than copying its text into code) keeps the seed
/// byte-for-byte faithful to it.
/// </summary>
internal sealed class SamplePage
{
    public const string ResourceName = "news-page.ar.txt";

    private const string TickerMarker = "اخر الاخبار";
    private const string RelatedMarker = "ذات صلة";
    private const string ShareMarker = "شارك على مواقع التواصل";

    private SamplePage(IReadOnlyList<(string Headline, string Excerpt)> ticker, string articleHeadline, IReadOnlyList<string> articleParagraphs)
    {
        Ticker = ticker;
        ArticleHeadline = articleHeadline;
        ArticleParagraphs = articleParagraphs;
    }

    public IReadOnlyList<(string Headline, string Excerpt)> Ticker { get; }

    public string ArticleHeadline { get; }

    public IReadOnlyList<string> ArticleParagraphs { get; }

    public static SamplePage Load()
    {
        var assembly = typeof(SamplePage).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + ResourceName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        return Parse(reader.ReadToEnd());
    }

    public static SamplePage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToList();

        var tickerStart = IndexOf(lines, TickerMarker, 0);
        var relatedStart = IndexOf(lines, RelatedMarker, tickerStart + 1);
        var shareLine = IndexOf(lines, ShareMarker, relatedStart + 1);

        var tickerLines = lines[(tickerStart + 1)..relatedStart];
        if (tickerLines.Count == 0 || tickerLines.Count % 2 != 0)
        {
            throw new FormatException("The ticker block must be headline/excerpt pairs.");
        }

        var ticker = new List<(string, string)>();
        for (var i = 0; i < tickerLines.Count; i += 2)
        {
            var excerpt = tickerLines[i + 1];
            if (!excerpt.EndsWith("...", StringComparison.Ordinal) && !excerpt.EndsWith('…'))
            {
                throw new FormatException($"Ticker excerpt {i / 2 + 1} is not cut with an ellipsis: {excerpt}");
            }

            ticker.Add((tickerLines[i], excerpt));
        }

        if (shareLine != relatedStart + 2)
        {
            throw new FormatException("Expected the related article's headline between the related marker and the share line.");
        }

        var paragraphs = lines[(shareLine + 1)..];
        if (paragraphs.Count == 0)
        {
            throw new FormatException("The related article has no paragraphs.");
        }

        return new SamplePage(ticker, lines[relatedStart + 1], paragraphs);
    }

    /// <summary>The excerpt as the start of a sentence: the page's cut mark ("..." or "…") removed.</summary>
    public static string WithoutEllipsis(string excerpt)
    {
        ArgumentNullException.ThrowIfNull(excerpt);
        var text = excerpt.TrimEnd();
        while (text.EndsWith('.') || text.EndsWith('…'))
        {
            text = text[..^1];
        }

        // A comma before the cut stays: the ticker's text and the article's first words must match exactly.
        return text.TrimEnd();
    }

    private static int IndexOf(List<string> lines, string marker, int start)
    {
        var index = lines.FindIndex(start, line => line == marker);
        return index >= 0 ? index : throw new FormatException($"Marker \"{marker}\" not found in the sample page.");
    }
}
