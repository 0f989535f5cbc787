namespace NewsApi.Data.Entities;

public sealed class Tag
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public TagKind Kind { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Name, English name and slug as autocomplete compares them: normalised words and their stems, each preceded by
    /// a space so a word start is " word". Written on every save (Features/Search/SearchDocumentWriter).
    /// </summary>
    public string SearchName { get; set; } = string.Empty;

    /// <summary>
    /// How many articles carry the tag, whatever their status: its document frequency, which weighs shared tags by
    /// rarity in related stories. Kept by the database (triggers on article_tags), never written by the app.
    /// </summary>
    public int ArticleCount { get; set; }

    public List<ArticleTag> Articles { get; set; } = [];
}
