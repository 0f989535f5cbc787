using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsApi.Data;

namespace NewsApi.Features.Feeds;

/// <summary>
/// Feeds for partners who embed our headlines without GraphQL: /feeds/latest.{rss,atom,json}, and the same per tag
/// (/feeds/tags/{slug}.rss) and per section (/feeds/sections/{slug}.atom). Cacheable: an ETag of the content and a
/// short public max-age.
/// </summary>
public static class FeedEndpoints
{
    public static WebApplicationBuilder AddNewsFeeds(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FeedOptions>(builder.Configuration.GetSection(FeedOptions.SectionName));
        builder.Services.AddReader<FeedSource>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNewsFeeds(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/feeds");
        feeds.MapGet("/latest.{format}", (string format, HttpContext context, FeedSource source) => ServeAsync(context, source, format, null, null));
        feeds.MapGet("/tags/{slug}.{format}", (string slug, string format, HttpContext context, FeedSource source) => ServeAsync(context, source, format, slug, null));
        feeds.MapGet("/sections/{slug}.{format}", (string slug, string format, HttpContext context, FeedSource source) => ServeAsync(context, source, format, null, slug));
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(HttpContext context, FeedSource source, string extension, string? tag, string? section)
    {
        FeedFormat? format = extension switch
        {
            "rss" => FeedFormat.Rss,
            "atom" => FeedFormat.Atom,
            "json" => FeedFormat.Json,
            _ => null,
        };
        if (format is null)
        {
            return Results.NotFound();
        }

        var request = context.Request;
        var self = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");
        var content = await source.LoadAsync(tag, section, self, context.RequestAborted);
        if (content is null)
        {
            return Results.NotFound();
        }

        var body = FeedWriter.Write(content, format.Value);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        var maxAge = context.RequestServices.GetRequiredService<IOptions<FeedOptions>>().Value.MaxAgeSeconds;
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(maxAge) };

        // Public content for any site: the headlines widget fetches the JSON feed from partners' pages.
        context.Response.Headers.AccessControlAllowOrigin = "*";
        if (request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, FeedWriter.ContentType(format.Value));
    }
}
