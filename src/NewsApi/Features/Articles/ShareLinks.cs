namespace NewsApi.Features.Articles;

/// <summary>Share links built from the canonical URL, so every front end shares the same address.</summary>
public static class ShareLinks
{
    public static IReadOnlyList<ShareLink> For(string? canonicalUrl, string headline)
    {
        if (string.IsNullOrEmpty(canonicalUrl))
        {
            return [];
        }

        var url = Uri.EscapeDataString(canonicalUrl);
        var text = Uri.EscapeDataString(headline);
        return
        [
            new("facebook", $"https://www.facebook.com/sharer/sharer.php?u={url}"),
            new("x", $"https://x.com/intent/post?url={url}&text={text}"),
            new("whatsapp", $"https://wa.me/?text={text}%20{url}"),
            new("telegram", $"https://t.me/share/url?url={url}&text={text}"),
            new("email", $"mailto:?subject={text}&body={url}"),
        ];
    }
}
