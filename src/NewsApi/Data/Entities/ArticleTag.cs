namespace NewsApi.Data.Entities;

public sealed class ArticleTag
{
    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public int TagId { get; set; }

    public Tag? Tag { get; set; }

    /// <summary>Editorial order of the tag on the article: the first is the main subject.</summary>
    public int Position { get; set; }
}
