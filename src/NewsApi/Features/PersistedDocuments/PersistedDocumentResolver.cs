using System.Security.Claims;
using Microsoft.Extensions.Options;
using NewsApi.Graph;
using NewsApi.Security;
using NewsApi.Transport;

namespace NewsApi.Features.PersistedDocuments;

/// <summary>
/// Turns a request that names a document (<c>documentId</c> or <c>extensions.persistedQuery</c>) into one that carries
/// its text, and enforces the allowlist: a caller limited to trusted documents gets PERSISTED_DOCUMENT_REQUIRED for
/// anything else, before parsing or execution, and cannot register new documents through APQ either.
/// </summary>
internal sealed class PersistedDocumentResolver(
    TrustedDocuments trusted,
    AutomaticPersistedQueries automatic,
    IOptions<PersistedDocumentsOptions> options)
{
    public (GraphQLHttpRequest? Request, TransportError? Error) Resolve(HttpContext context, GraphQLHttpRequest request, string contentType)
    {
        var (resolved, error) = ResolveCore(request, IsTrustedOnly(context.User), contentType);
        if (error is not null)
        {
            // Above all "not found": a cache that kept it would keep clients from ever registering the query.
            context.Response.Headers.CacheControl = "private, no-store";
        }

        return (resolved, error);
    }

    /// <summary>
    /// The same rules for a graphql-transport-ws subscribe payload: browsers apply no CORS to sockets, so the
    /// allowlist is the only thing that keeps a leaked partner key from running ad-hoc operations there.
    /// </summary>
    public (GraphQLHttpRequest? Request, TransportError? Error) Resolve(ClaimsPrincipal user, GraphQLHttpRequest request) =>
        ResolveCore(request, IsTrustedOnly(user), ResponseMediaType.GraphQLResponseContentType);

    private (GraphQLHttpRequest? Request, TransportError? Error) ResolveCore(GraphQLHttpRequest request, bool trustedOnly, string contentType)
    {
        var hasQuery = !string.IsNullOrWhiteSpace(request.Query);
        var (apqHash, apqProblem, versionProblem) = PersistedDocumentRequest.ReadApq(request.Extensions);

        if (request.DocumentId is { } documentId)
        {
            if (hasQuery || apqHash is not null || apqProblem is not null)
            {
                return (null, TransportError.BadRequest(ErrorCodes.BadRequest,
                    "Send either a documentId or a query (with or without extensions.persistedQuery), not both."));
            }

            if (PersistedDocumentRequest.TrustedHash(documentId) is not { } hash)
            {
                return (null, TransportError.BadRequest(ErrorCodes.BadRequest,
                    $"documentId must look like '{PersistedDocumentRequest.TrustedIdPrefix}' followed by the 64 hex digits of the document's SHA-256."));
            }

            return trusted.TryGet(hash, out var document)
                ? (request with { Query = document }, null)
                : (null, Refused(contentType, ErrorCodes.PersistedDocumentNotFound, $"No trusted document has the id '{documentId}'."));
        }

        if (apqProblem is not null)
        {
            return (null, Refused(contentType, versionProblem ? ErrorCodes.PersistedQueryVersionNotSupported : ErrorCodes.BadRequest, apqProblem));
        }

        if (apqHash is null)
        {
            return trustedOnly ? (null, Required()) : (request, null);
        }

        if (!hasQuery)
        {
            // Trusted documents answer APQ hashes too: the same SHA-256 of the same text.
            if (trusted.TryGet(apqHash, out var document))
            {
                return (request with { Query = document }, null);
            }

            if (trustedOnly)
            {
                return (null, Required());
            }

            return automatic.TryGet(apqHash, out var query)
                ? (request with { Query = query }, null)
                : (null, Refused(contentType, ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound"));
        }

        if (DocumentHash.Of(request.Query) != apqHash)
        {
            return (null, Refused(contentType, ErrorCodes.PersistedQueryHashMismatch,
                "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query's UTF-8 text."));
        }

        if (trusted.TryGet(apqHash, out _))
        {
            return (request, null);
        }

        if (trustedOnly)
        {
            return (null, Required());
        }

        automatic.Add(apqHash, request.Query);
        return (request, null);
    }

    private bool IsTrustedOnly(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.HasClaim(ApiKeyAuthenticationHandler.TrustedDocumentsOnlyClaim, "true")
            : options.Value.AnonymousTrustedOnly;

    /// <summary>Like a validation error: 400 in application/graphql-response+json, 200 in legacy application/json.</summary>
    private static TransportError Refused(string contentType, string code, string message) =>
        new(string.Equals(contentType, ResponseMediaType.GraphQLResponseContentType, StringComparison.Ordinal)
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK, code, message);

    /// <summary>A policy refusal, like a key without the role: 403 in both media types.</summary>
    private static TransportError Required() =>
        new(StatusCodes.Status403Forbidden, ErrorCodes.PersistedDocumentRequired,
            "This caller may send only trusted documents: send a documentId (sha256:<hex>) of a registered document instead of a query.");
}
