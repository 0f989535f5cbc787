using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NewsApi.Features.Caching;

/// <summary>
/// The server's own cache for GraphQL GETs without credentials: an answer is stored for its max-age when the endpoint
/// found it public, tagged with its surrogate keys so that the writes that make it stale evict it
/// (<see cref="SurrogateKeyPurger"/>). Keyed on the whole query string and the Accept header. Requests with a key are
/// never served from it: they are charged against their budget and may see more.
/// </summary>
public sealed class AnonymousGetCachePolicy(IOptions<CachingOptions> options) : IOutputCachePolicy
{
    public const string Name = "graphql-anonymous-get";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = !request.Headers.ContainsKey(HeaderNames.Authorization) && !request.Headers.ContainsKey("X-Api-Key");
        var enabled = options.Value.ServerCache && anonymous && HttpMethods.IsGet(request.Method);
        context.EnableOutputCaching = enabled;
        context.AllowCacheLookup = enabled;
        context.AllowCacheStorage = enabled;
        context.AllowLocking = enabled;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = new Microsoft.Extensions.Primitives.StringValues(["Accept"]);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (context.HttpContext.Features.Get<CacheHints>() is not { MaxAgeSeconds: { } maxAge } hints
            || response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(maxAge);
        context.Tags.Add(SurrogateKeys.Everything);
        foreach (var key in hints.Keys)
        {
            context.Tags.Add(key);
        }

        return ValueTask.CompletedTask;
    }
}
