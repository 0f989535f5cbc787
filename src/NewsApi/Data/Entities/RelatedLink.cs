namespace NewsApi.Data.Entities;

public sealed class RelatedLink
{
    public int Id { get; set; }

    public int FromArticleId { get; set; }

    public Article? FromArticle { get; set; }

    public int ToArticleId { get; set; }

    public Article? ToArticle { get; set; }

    public RelatedKind Kind { get; set; }

    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }
}
