using System.Reflection;

namespace NewsApi.Features.Widget;

/// <summary>
/// The embeddable headlines widget (/widget/headlines.js) for partner sites that know no GraphQL, and a page that
/// shows it (/widget/demo) for partners to copy from and for the browser test.
/// </summary>
public static class WidgetEndpoints
{
    private static readonly Lazy<byte[]> Script = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".headlines.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapHeadlinesWidget(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/widget/headlines.js", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Bytes(Script.Value, "text/javascript; charset=utf-8");
        });
        endpoints.MapGet("/widget/demo", (HttpContext context, string? tag, string? section, int? count) =>
        {
            var origin = $"{context.Request.Scheme}://{context.Request.Host}";
            var attributes = string.Concat(
                tag is null ? string.Empty : $" data-tag=\"{System.Net.WebUtility.HtmlEncode(tag)}\"",
                section is null ? string.Empty : $" data-section=\"{System.Net.WebUtility.HtmlEncode(section)}\"",
                count is null ? string.Empty : $" data-count=\"{count.Value}\"");
            var page = $"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>NewsApi headlines widget</title></head>
                <body>
                <p>Paste this where the headlines should appear:</p>
                <pre>&lt;script src="{System.Net.WebUtility.HtmlEncode(origin)}/widget/headlines.js"{System.Net.WebUtility.HtmlEncode(attributes)} async&gt;&lt;/script&gt;</pre>
                <script src="/widget/headlines.js"{attributes}></script>
                </body></html>
                """;
            return Results.Content(page, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
