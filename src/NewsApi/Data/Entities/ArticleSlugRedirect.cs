namespace NewsApi.Data.Entities;

/// <summary>A slug an article had before an editor changed it: shared links keep working, and no other article may take it.</summary>
public sealed class ArticleSlugRedirect
{
    public string Slug { get; set; } = string.Empty;

    /// <summary>The article itself, not the next slug: a chain of renames resolves in one look-up.</summary>
    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    public DateTime CreatedAt { get; set; }
}
