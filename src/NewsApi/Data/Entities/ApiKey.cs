namespace NewsApi.Data.Entities;

/// <summary>A caller's key. Only a hash of the secret is kept: the key itself is shown once, when it is created.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    /// <summary>Who holds the key ("desk-app", "partner-alarabiya"); unique among keys that are not revoked.</summary>
    public required string Name { get; set; }

    public ApiRole Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The key's first characters, so people can tell keys apart without seeing them.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>The key may send only trusted documents (a partner's allowlist), never free-form queries.</summary>
    public bool TrustedDocumentsOnly { get; set; }

    /// <summary>Browser origins (scheme://host[:port]) the key may be used from besides Cors:EditorOrigins, space-separated.</summary>
    public string? AllowedOrigins { get; set; }

    public static IEnumerable<string> SplitOrigins(string? origins) =>
        (origins ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
