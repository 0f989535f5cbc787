using System.Text;
using NewsApi.Data.Entities;

namespace NewsApi.Features.Search;

/// <summary>
/// A short extract of an article around the first match, cut at word boundaries, the matched words wrapped in
/// <see cref="MarkStart"/>/<see cref="MarkEnd"/>. Private-use characters never occur in news text (any that do are
/// removed) and have no meaning in HTML, so a front end HTML-escapes the snippet like any text, then replaces the
/// two markers with &lt;mark&gt; and &lt;/mark&gt;.
/// </summary>
public static class SearchSnippet
{
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';
    public const int MaxWords = 30;
    private const int WordsBeforeMatch = 8;
    private const char Ellipsis = '…';

    public static string Build(Article article, SearchQuery query)
    {
        var wanted = query.Wanted.ToList();
        var sources = new List<string>();
        if (!string.IsNullOrWhiteSpace(article.Standfirst))
        {
            sources.Add(article.Standfirst);
        }

        sources.AddRange(article.Body.SelectMany(Search.SearchDocumentWriter.SearchableText));
        sources.Add(article.Headline);

        foreach (var source in sources)
        {
            var spans = ArabicNormalizer.Spans(source).ToList();
            var first = spans.FindIndex(s => wanted.Any(t => t.Matches(s.Term)));
            if (first >= 0)
            {
                return Extract(source, spans, Math.Max(0, first - WordsBeforeMatch), wanted);
            }
        }

        // Matched in the tags only: the opening words, unmarked.
        var opening = sources[0];
        return Extract(opening, ArabicNormalizer.Spans(opening).ToList(), 0, wanted);
    }

    private static string Extract(string text, List<(int Start, int Length, string Term)> spans, int from, List<SearchTerm> wanted)
    {
        if (spans.Count == 0)
        {
            return string.Empty;
        }

        var to = Math.Min(spans.Count, from + MaxWords);
        var builder = new StringBuilder();
        if (from > 0)
        {
            builder.Append(Ellipsis).Append(' ');
        }

        // Uncut ends keep their punctuation (a closing full stop, an opening quote).
        var position = from == 0 ? 0 : spans[from].Start;
        for (var i = from; i < to; i++)
        {
            var (start, length, term) = spans[i];
            Append(builder, text.AsSpan(position, start - position));
            var marked = wanted.Any(t => t.Matches(term));
            if (marked)
            {
                builder.Append(MarkStart);
            }

            Append(builder, text.AsSpan(start, length));
            if (marked)
            {
                builder.Append(MarkEnd);
            }

            position = start + length;
        }

        if (to < spans.Count)
        {
            builder.Append(' ').Append(Ellipsis);
        }
        else
        {
            Append(builder, text.AsSpan(position));
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not MarkStart and not MarkEnd)
            {
                builder.Append(c);
            }
        }
    }
}
