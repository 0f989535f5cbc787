namespace NewsApi.Features.Presentation;

public static class Digits
{
    /// <summary>Writes ASCII digits as Arabic-Indic ones (٠١٢٣٤٥٦٧٨٩) when asked; other characters are untouched.</summary>
    public static string Shape(string text, DigitShape shape)
    {
        if (shape == DigitShape.Latin)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c;
            }
        });
    }
}
