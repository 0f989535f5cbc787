namespace NewsApi.Data.Entities;

public sealed class TickerItem
{
    public int Id { get; set; }

    public required string Headline { get; set; }

    public string? Excerpt { get; set; }

    public int? ArticleId { get; set; }

    public Article? Article { get; set; }

    public TickerPriority Priority { get; set; } = TickerPriority.Normal;

    public DateTime StartsAt { get; set; }

    /// <summary>Null means the item stays on air until an editor expires it.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Manual order among items of the same priority and start time.</summary>
    public int Position { get; set; }

    public string Lang { get; set; } = "ar";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; } = 1;
}
