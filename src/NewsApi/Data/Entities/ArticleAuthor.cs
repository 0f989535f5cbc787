namespace NewsApi.Data.Entities;

public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public int AuthorId { get; set; }

    public Author? Author { get; set; }

    /// <summary>Order in the byline.</summary>
    public int Position { get; set; }
}
