using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;

namespace NewsApi.Security;

/// <summary>
/// Reads a key from <c>Authorization: Bearer</c> or <c>X-Api-Key</c>. No key leaves the caller anonymous (public
/// read); an unknown or revoked key fails authentication, which also leaves the caller anonymous, so it can still
/// read public content but a mutation tells it UNAUTHENTICATED.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<NewsDbContext> contexts,
    DatabaseReadiness readiness)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "newsapi:key_id";

    /// <summary>"true" on a key that may send only trusted documents (Features/PersistedDocuments).</summary>
    public const string TrustedDocumentsOnlyClaim = "newsapi:trusted_documents_only";

    /// <summary>One claim per browser origin the key may be used from, besides Cors:EditorOrigins.</summary>
    public const string OriginClaim = "newsapi:origin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        ClaimsPrincipal? principal;
        try
        {
            principal = await ApiKeyPrincipals.FindAsync(contexts, key, Context.RequestAborted);
        }
        catch (Exception exception) when (DatabaseReadiness.IsUnavailableFault(exception))
        {
            // The key cannot be checked while the database is away: marking it unavailable makes the endpoint
            // answer 503 SERVICE_UNAVAILABLE before execution, rather than the caller running as anonymous.
            readiness.ReportUnavailable();
            return AuthenticateResult.NoResult();
        }

        if (principal is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header.ToString()))
        {
            return header.ToString().Trim();
        }

        // A JWT only gets here when JWT bearer tokens are off (SecurityRegistration picks the handler): then it is
        // just an unknown key.
        return BearerCredentials.FromAuthorizationHeader(request.Headers.Authorization.ToString());
    }
}
