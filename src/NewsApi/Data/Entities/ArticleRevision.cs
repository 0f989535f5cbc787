namespace NewsApi.Data.Entities;

/// <summary>One change to an article: who made it, when, and which fields moved from what to what.</summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    public Article? Article { get; set; }

    /// <summary>The article's version after this change.</summary>
    public int Version { get; set; }

    /// <summary>The mutation that made it ("updateArticle") or "workflow" for the scheduler.</summary>
    public required string Operation { get; set; }

    /// <summary>Name of the API key (or JWT subject); null for the scheduler.</summary>
    public string? ActorName { get; set; }

    public string? ActorRole { get; set; }

    public DateTime At { get; set; }

    /// <summary>JSON object: field name to {"from": ..., "to": ...}.</summary>
    public required string Changes { get; set; }
}
