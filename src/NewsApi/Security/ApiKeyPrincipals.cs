using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Data.Entities;

namespace NewsApi.Security;

/// <summary>Turns an API key into the caller it stands for, wherever the key arrives (HTTP headers, a WebSocket's connection_init).</summary>
public static class ApiKeyPrincipals
{
    /// <summary>The caller for <paramref name="key"/>, or null for an unknown or revoked key.</summary>
    public static async Task<ClaimsPrincipal?> FindAsync(IDbContextFactory<NewsDbContext> contexts, string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiKeys
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Role, k.TrustedDocumentsOnly, k.AllowedOrigins })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, found.Name),
                new Claim(ClaimTypes.Role, RoleNames.Of(found.Role)),
                new Claim(ApiKeyAuthenticationHandler.KeyIdClaim, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            ApiKeyAuthenticationHandler.SchemeName);
        if (found.TrustedDocumentsOnly)
        {
            identity.AddClaim(new Claim(ApiKeyAuthenticationHandler.TrustedDocumentsOnlyClaim, "true"));
        }

        foreach (var origin in ApiKey.SplitOrigins(found.AllowedOrigins))
        {
            identity.AddClaim(new Claim(ApiKeyAuthenticationHandler.OriginClaim, origin));
        }

        return new ClaimsPrincipal(identity);
    }
}
