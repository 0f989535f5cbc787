using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;

namespace NewsApi.Security;

/// <summary>
/// One rule for what a bearer credential is, wherever it arrives: our API keys carry a marker; anything else is a JWT
/// when JWT bearer tokens are enabled, and an unknown key when they are not.
/// </summary>
public static class BearerCredentials
{
    public static bool IsApiKey(string token) => token.StartsWith(ApiKeySecret.Marker, StringComparison.Ordinal);

    /// <summary>The caller <paramref name="credential"/> stands for, or null for an unknown, revoked or invalid one.</summary>
    public static Task<ClaimsPrincipal?> FindCallerAsync(IServiceProvider services, string credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(credential);
        if (!IsApiKey(credential) && services.GetRequiredService<IOptions<JwtOptions>>().Value.Enabled)
        {
            return JwtPrincipals.ValidateAsync(services, credential, cancellationToken);
        }

        return ApiKeyPrincipals.FindAsync(services.GetRequiredService<IDbContextFactory<NewsDbContext>>(), credential, cancellationToken);
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header, if the request has one.</summary>
    public static string? FromAuthorizationHeader(string? authorization)
    {
        const string bearer = "Bearer ";
        return authorization is not null && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            && authorization[bearer.Length..].Trim() is { Length: > 0 } token
            ? token
            : null;
    }
}
