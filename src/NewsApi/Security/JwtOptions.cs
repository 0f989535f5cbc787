namespace NewsApi.Security;

/// <summary>
/// JWT bearer tokens from an organisation's identity provider (<c>Auth:Jwt</c>). Off unless an authority or a
/// signing key is configured; API keys work either way.
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";

    /// <summary>The identity provider's issuer URL; its signing keys and issuer come from its discovery document.</summary>
    public string? Authority { get; set; }

    /// <summary>A shared HMAC key (at least 32 bytes of UTF-8), for providers without discovery. Needs <see cref="Issuer"/>.</summary>
    public string? SigningKey { get; set; }

    public string? Issuer { get; set; }

    /// <summary>Required once enabled: a token minted for another service must not work here.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim holding the role (<c>partner</c>, <c>editor</c> or <c>admin</c>); other values grant nothing.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim naming the caller in revisions and the audit log.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Allowed difference between our clock and the provider's when checking expiry.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
