namespace NewsApi.Data.Entities;

/// <summary>One mutation attempt, allowed or not, for the admins' audit log.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? ActorName { get; set; }

    public string? ActorRole { get; set; }

    /// <summary>The mutation field, e.g. "updateArticle".</summary>
    public required string Operation { get; set; }

    /// <summary>Global ID of the object the mutation was about, when known.</summary>
    public string? TargetId { get; set; }

    /// <summary>ok, user_errors, unauthenticated, forbidden or error.</summary>
    public required string Outcome { get; set; }

    /// <summary>The user-error codes or the GraphQL error code, comma-separated; null on success.</summary>
    public string? Detail { get; set; }
}
