namespace NewsApi.Data.Entities;

/// <summary>
/// One block of an article body. A single flat shape (rather than a class per kind) keeps the JSON column
/// readable and lets old rows load after new kinds are added; the GraphQL layer exposes one type per kind.
/// </summary>
public sealed record ArticleBlock
{
    public required BlockKind Kind { get; init; }

    /// <summary>Paragraph, quote or heading text; the alt text of an image.</summary>
    public string? Text { get; init; }

    /// <summary>Who is quoted, or where a quote was reported ("صحيفة الشرق الأوسط").</summary>
    public string? Attribution { get; init; }

    /// <summary>Heading level, 2 to 4.</summary>
    public int? Level { get; init; }

    /// <summary>Image source or embedded resource address.</summary>
    public string? Url { get; init; }

    public string? Caption { get; init; }

    public string? Credit { get; init; }

    /// <summary>Embed provider, for example "youtube" or "x".</summary>
    public string? Provider { get; init; }
}
