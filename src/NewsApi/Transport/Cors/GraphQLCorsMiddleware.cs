using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsApi.Data;
using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Security;

namespace NewsApi.Transport.Cors;

/// <summary>
/// Cross-origin rules for <c>/graphql</c>: anyone may read anonymously from any origin (<c>Access-Control-Allow-Origin: *</c>,
/// no credentials); a request carrying a key (Authorization or X-Api-Key) is served only from <c>Cors:EditorOrigins</c>,
/// the key's own allowed origins or the server's own origin. The actual request is checked too, after authentication,
/// so a key used from another origin is refused with ORIGIN_NOT_ALLOWED instead of merely lacking a header.
/// </summary>
internal sealed class GraphQLCorsMiddleware(
    IOptions<GraphQLCorsOptions> options,
    IDbContextFactory<NewsDbContext> contexts,
    IGraphQLSerializer serializer) : IMiddleware
{
    private const string AnonymousHeaders = "Content-Type, Accept";
    private const string KeyHeaders = "Content-Type, Accept, Authorization, X-Api-Key";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            await next(context);
            return;
        }

        // Every answer depends on the origin, allowed or not: shared caches must keep them apart.
        context.Response.Headers.Append("Vary", "Origin");
        var normalized = OriginText.Normalize(origin);
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            await AnswerPreflightAsync(context, origin, normalized);
            return;
        }

        var headers = context.Response.Headers;
        if (CarriesKey(context.Request))
        {
            if (normalized is null || !(IsEditorOrigin(context, normalized)
                || context.User.HasClaim(ApiKeyAuthenticationHandler.OriginClaim, normalized)))
            {
                headers.CacheControl = "private, no-store";
                var error = new TransportError(StatusCodes.Status403Forbidden, ErrorCodes.OriginNotAllowed,
                    $"This key may not be used from the origin '{origin}'; ask for the origin to be added to the key or to Cors:EditorOrigins.");
                context.Response.StatusCode = error.StatusCode;
                context.Response.ContentType = ResponseMediaType.Negotiate(context.Request) ?? ResponseMediaType.JsonContentType;
                await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [error] }, context.RequestAborted);
                return;
            }

            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowCredentials = "true";
        }
        else
        {
            headers.AccessControlAllowOrigin = "*";
        }

        await next(context);
    }

    private async Task AnswerPreflightAsync(HttpContext context, string origin, string? normalized)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        var method = request.Headers.AccessControlRequestMethod.ToString();
        var wantsKey = request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(h => h.Equals("authorization", StringComparison.OrdinalIgnoreCase) || h.Equals(ApiKeyAuthenticationHandler.HeaderName, StringComparison.OrdinalIgnoreCase));

        var methodAllowed = HttpMethods.IsGet(method) || HttpMethods.IsPost(method);
        if (methodAllowed && !wantsKey)
        {
            headers.AccessControlAllowOrigin = "*";
            headers.AccessControlAllowHeaders = AnonymousHeaders;
        }
        else if (methodAllowed && normalized is not null
            && (IsEditorOrigin(context, normalized) || await AnyKeyAllowsAsync(normalized, context.RequestAborted)))
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowCredentials = "true";
            headers.AccessControlAllowHeaders = KeyHeaders;
        }
        else
        {
            // No Access-Control-Allow-* at all: the browser will not send the request.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        headers.AccessControlAllowMethods = "GET, POST";
        headers.AccessControlMaxAge = options.Value.MaxAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private bool IsEditorOrigin(HttpContext context, string origin) =>
        options.Value.EditorOrigins.Any(o => OriginText.Normalize(o) == origin)
        || string.Equals(origin, OriginText.Normalize($"{context.Request.Scheme}://{context.Request.Host}"), StringComparison.Ordinal);

    /// <summary>A preflight carries no key, so it may go ahead when any live key allows the origin; the actual request decides.</summary>
    private async Task<bool> AnyKeyAllowsAsync(string origin, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lists = await db.ApiKeys
            .Where(k => k.RevokedAt == null && k.AllowedOrigins != null && k.AllowedOrigins.Contains(origin))
            .Select(k => k.AllowedOrigins)
            .ToListAsync(cancellationToken);
        return lists.Any(list => ApiKey.SplitOrigins(list).Contains(origin, StringComparer.Ordinal));
    }

    private static bool CarriesKey(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || request.Headers.Authorization.Count > 0;
}
