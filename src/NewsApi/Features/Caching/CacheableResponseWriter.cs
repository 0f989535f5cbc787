using System.Security.Cryptography;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsApi.Data.Entities;
using NewsApi.Security;

namespace NewsApi.Features.Caching;

/// <summary>
/// Writes a GraphQL answer with the caching headers it deserves. A successful GET by an anonymous caller or a partner is
/// public: Cache-Control from the cache hints, a strong ETag of the body (304 on a matching If-None-Match), the
/// Surrogate-Key and Cache-Tag headers, and Vary on what changes the answer. Anything else (errors, POST, editors and
/// admins, who see unpublished content) is <c>private, no-store</c>.
/// </summary>
public sealed class CacheableResponseWriter(CacheHintCollector collector, IGraphQLSerializer serializer, IOptions<CachingOptions> options)
{
    /// <summary>The request headers that select a different answer to the same URL.</summary>
    public const string VaryHeaders = "Accept, Authorization, X-Api-Key";

    /// <summary>
    /// Decides whether <paramref name="result"/> may be shared; null when it may not. Call before the answer is
    /// complete (extensions may depend on it), then <see cref="WriteAsync"/>.
    /// </summary>
    public CacheHints? Decide(HttpContext context, ExecutionResult result, bool isGet, int statusCode)
    {
        if (!isGet || statusCode != StatusCodes.Status200OK || result.Errors is { Count: > 0 } || !result.Executed
            || Caller.From(context.User).IsAtLeast(ApiRole.Editor))
        {
            return null;
        }

        var hints = collector.Collect(result);
        return hints.MaxAgeSeconds is > 0 ? hints : null;
    }

    public async Task WriteAsync(HttpContext context, int statusCode, string contentType, ExecutionResult result, CacheHints? hints)
    {
        var response = context.Response;
        // Appended: the CORS middleware may already have said the answer varies on Origin.
        response.Headers.Append("Vary", VaryHeaders);
        if (hints is not { MaxAgeSeconds: { } maxAge })
        {
            response.Headers.CacheControl = "private, no-store";
            response.StatusCode = statusCode;
            response.ContentType = contentType;
            await serializer.WriteAsync(response.Body, result, context.RequestAborted);
            return;
        }

        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, context.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body.Span))[..32]}\"");
        var settings = options.Value;
        var keys = string.Join(' ', SurrogateKeys.Bounded(hints.Keys, settings.MaxSurrogateKeyLength));
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue
        {
            Public = true,
            MaxAge = TimeSpan.FromSeconds(maxAge),
            SharedMaxAge = TimeSpan.FromSeconds(maxAge * Math.Max(1, settings.SharedMaxAgeFactor)),
        };
        if (keys.Length > 0)
        {
            // Fastly and Varnish read Surrogate-Key, Cloudflare and Akamai Cache-Tag; same keys, space- or comma-separated.
            response.Headers["Surrogate-Key"] = keys;
            response.Headers["Cache-Tag"] = keys.Replace(' ', ',');
        }

        context.Features.Set(hints);
        response.ContentType = contentType;
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = statusCode;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
