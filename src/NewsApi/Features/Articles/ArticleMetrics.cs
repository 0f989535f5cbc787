using NewsApi.Data.Entities;

namespace NewsApi.Features.Articles;

/// <summary>Word count and reading time, computed on write so that lists can show them without loading bodies.</summary>
public static class ArticleMetrics
{
    /// <summary>Arabic news copy is read more slowly than English; 200 words a minute is the common newsroom figure.</summary>
    public const int WordsPerMinute = 200;

    public static int CountWords(IEnumerable<ArticleBlock> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var total = 0;
        foreach (var block in body)
        {
            // Image alt text and embeds are not read as part of the story.
            if (block.Kind is BlockKind.Paragraph or BlockKind.Quote or BlockKind.Heading)
            {
                total += CountWords(block.Text);
            }
        }

        return total;
    }

    public static int CountWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inToken = false;
        var tokenHasLetter = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inToken && tokenHasLetter)
                {
                    count++;
                }

                inToken = false;
                tokenHasLetter = false;
                continue;
            }

            inToken = true;
            // A run of punctuation ("،" "…" "“") is not a word, and tatweel only stretches a word it belongs to.
            if (c != '\u0640' && char.IsLetterOrDigit(c))
            {
                tokenHasLetter = true;
            }
        }

        if (inToken && tokenHasLetter)
        {
            count++;
        }

        return count;
    }

    public static int ReadingTimeMinutes(int wordCount) =>
        wordCount <= 0 ? 0 : (wordCount + WordsPerMinute - 1) / WordsPerMinute;
}
