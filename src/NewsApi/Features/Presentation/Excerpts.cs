namespace NewsApi.Features.Presentation;

public static class Excerpts
{
    /// <summary>The marker of a cut, as the newsroom's own ticker writes it ("...").</summary>
    public const string Ellipsis = "...";

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters at a word boundary, with an
    /// ellipsis, never splitting a word, a surrogate pair or a letter from its diacritics.
    /// </summary>
    public static string Cut(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var room = Math.Max(0, maxLength - Ellipsis.Length);
        var cut = text.LastIndexOf(' ', Math.Min(room, text.Length - 1));
        if (cut <= 0)
        {
            // One long word: cut between whole text elements rather than inside one.
            var elements = System.Globalization.StringInfo.ParseCombiningCharacters(text);
            cut = elements.LastOrDefault(index => index <= room);
        }

        return text[..cut].TrimEnd(' ', '،', ',', '.', '؛', ';', ':') + Ellipsis;
    }
}
