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

    public List<ArticleTag> Articles { get; set; } = [];
}
