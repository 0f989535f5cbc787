using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Import;

/// <summary>
/// A news site's page laid out like the sample (text or simple HTML): the ticker's headline/excerpt pairs under
/// "اخر الاخبار", then under "ذات صلة" the related article's headline, the share line and its paragraphs and quotes.
/// The seed reads the embedded sample through it and the <c>import</c> command reads files, so both see one parser.
/// </summary>
public sealed partial class NewsPage
{
    public const string SampleResourceName = "news-page.ar.txt";

    private const string TickerMarker = "اخر الاخبار";
    private const string RelatedMarker = "ذات صلة";
    private const string ShareMarker = "شارك على مواقع التواصل";

    private NewsPage(IReadOnlyList<(string Headline, string Excerpt)> ticker, string articleHeadline, IReadOnlyList<PageLine> articleLines)
    {
        Ticker = ticker;
        ArticleHeadline = articleHeadline;
        ArticleParagraphs = [.. articleLines.Where(l => !l.IsQuote).Select(l => l.Text)];
        var blocks = new List<ArticleBlock>();
        foreach (var line in articleLines)
        {
            if (line.IsQuote)
            {
                blocks.Add(new ArticleBlock { Kind = BlockKind.Quote, Text = line.Text, Attribution = line.Attribution });
                continue;
            }

            blocks.Add(new ArticleBlock { Kind = BlockKind.Paragraph, Text = line.Text });
            var reported = ReportedQuote().Match(line.Text);
            if (reported.Success)
            {
                SourceName ??= reported.Groups["paper"].Value;
                blocks.Add(new ArticleBlock
                {
                    Kind = BlockKind.Quote,
                    Text = reported.Groups["quote"].Value,
                    Attribution = $"{reported.Groups["who"].Value}، نقلتها صحيفة {reported.Groups["paper"].Value}",
                });
            }
        }

        ArticleBlocks = blocks;
    }

    public IReadOnlyList<(string Headline, string Excerpt)> Ticker { get; }

    public string ArticleHeadline { get; }

    public IReadOnlyList<string> ArticleParagraphs { get; }

    /// <summary>
    /// The article's body: each paragraph, each HTML blockquote as a quote, and after a paragraph that reports a
    /// newspaper's quote («ونقلت صحيفة “X”، عن Y، قولها، إن “Z”») that quote, attributed to Y as reported by X.
    /// </summary>
    public IReadOnlyList<ArticleBlock> ArticleBlocks { get; }

    /// <summary>The first newspaper the article reports quotes from, if any.</summary>
    public string? SourceName { get; }

    /// <summary>The opening sentence of the article, for its standfirst.</summary>
    public string Standfirst
    {
        get
        {
            var first = ArticleParagraphs.Count > 0 ? ArticleParagraphs[0] : ArticleHeadline;
            var end = first.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? first : first[..(end + 1)];
        }
    }

    /// <summary>The sample page embedded in the binary.</summary>
    public static NewsPage LoadSample()
    {
        var assembly = typeof(NewsPage).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + SampleResourceName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource {SampleResourceName} is missing.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        return Parse(reader.ReadToEnd());
    }

    /// <summary>A plain-text page: one block per non-empty line.</summary>
    public static NewsPage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromLines(text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(line => new PageLine(line, false, null))
            .ToList());
    }

    /// <summary>
    /// A simple HTML page: head, scripts and styles dropped; each block element (p, headings, div, li, br…) a line;
    /// each <c>blockquote</c> a quote, its <c>cite</c> or <c>footer</c> the attribution; tags stripped, entities
    /// decoded and runs of white space made one space, as a browser shows them.
    /// </summary>
    public static NewsPage ParseHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = Invisible().Replace(html, " ");
        var lines = new List<PageLine>();
        var position = 0;
        foreach (Match quote in Blockquote().Matches(body))
        {
            lines.AddRange(HtmlLines(body[position..quote.Index]));
            var inner = quote.Groups["inner"].Value;
            var cite = Cite().Match(inner);
            var text = HtmlText(cite.Success ? inner.Remove(cite.Index, cite.Length) : inner);
            var attribution = cite.Success ? HtmlText(cite.Groups["inner"].Value).TrimStart('—', '–', '-', ' ') : null;
            if (text.Length > 0)
            {
                lines.Add(new PageLine(text, true, string.IsNullOrEmpty(attribution) ? null : attribution));
            }

            position = quote.Index + quote.Length;
        }

        lines.AddRange(HtmlLines(body[position..]));
        return FromLines(lines);
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

    private static NewsPage FromLines(List<PageLine> lines)
    {
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
            var excerpt = tickerLines[i + 1].Text;
            if (!excerpt.EndsWith("...", StringComparison.Ordinal) && !excerpt.EndsWith('…'))
            {
                throw new FormatException($"Ticker excerpt {i / 2 + 1} is not cut with an ellipsis: {excerpt}");
            }

            ticker.Add((tickerLines[i].Text, excerpt));
        }

        if (shareLine != relatedStart + 2)
        {
            throw new FormatException("Expected the related article's headline between the related marker and the share line.");
        }

        var article = lines[(shareLine + 1)..];
        if (article.Count == 0)
        {
            throw new FormatException("The related article has no paragraphs.");
        }

        return new NewsPage(ticker, lines[relatedStart + 1].Text, article);
    }

    private static IEnumerable<PageLine> HtmlLines(string html) =>
        BlockBoundary().Replace(html, "\n").Split('\n')
            .Select(HtmlText)
            .Where(line => line.Length > 0)
            .Select(line => new PageLine(line, false, null));

    private static string HtmlText(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(AnyTag().Replace(html, " ")), " ").Trim();

    private static int IndexOf(List<PageLine> lines, string marker, int start)
    {
        var index = lines.FindIndex(start, line => !line.IsQuote && line.Text == marker);
        return index >= 0 ? index : throw new FormatException($"Marker \"{marker}\" not found in the page.");
    }

    // «ونقلت صحيفة “X”، عن Y، قولها، إن “Z”»: the newspaper, who it quotes, and the quoted words.
    [GeneratedRegex("صحيفة “(?<paper>[^”]+)”، عن (?<who>[^،]+)، قولها، إن “(?<quote>[^”]+)”")]
    private static partial Regex ReportedQuote();

    [GeneratedRegex(@"<!--.*?-->|<(head|script|style|template|noscript)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<blockquote\b[^>]*>(?<inner>.*?)</blockquote\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Blockquote();

    [GeneratedRegex(@"<(cite|footer)\b[^>]*>(?<inner>.*?)</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Cite();

    [GeneratedRegex(@"</?(p|div|h[1-6]|li|ul|ol|br|hr|tr|td|th|table|section|article|header|footer|nav|aside|main|figure|figcaption|title|body|html)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed record PageLine(string Text, bool IsQuote, string? Attribution);
}
