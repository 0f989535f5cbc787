using Microsoft.Net.Http.Headers;

namespace NewsApi.Transport;

/// <summary>Picks the response media type from the Accept header, per the GraphQL over HTTP draft.</summary>
internal static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    public const string GraphQLResponseContentType = GraphQLResponse + "; charset=utf-8";
    public const string JsonContentType = Json + "; charset=utf-8";

    /// <summary>The content type to answer with, or null when the client accepts neither (406).</summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        // No Accept means a legacy client: the spec (and the graphql-http audit) say answer as application/json.
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return JsonContentType;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }

        var graphQLResponse = Score(ranges, GraphQLResponse);
        var json = Score(ranges, Json);
        if (graphQLResponse.Quality <= 0 && json.Quality <= 0)
        {
            return null;
        }

        // A client that names application/graphql-response+json opted into the new status codes; one that only
        // matched through a wildcard (*/*, a browser) gets the legacy type, which the audit expects for */*.
        if (graphQLResponse.Quality > json.Quality
            || (graphQLResponse.Quality == json.Quality && graphQLResponse.Specificity > json.Specificity)
            || (graphQLResponse.Quality == json.Quality && graphQLResponse.Specificity == json.Specificity && graphQLResponse.Specificity == 2))
        {
            return GraphQLResponseContentType;
        }

        return JsonContentType;
    }

    /// <summary>The quality of the most specific range matching <paramref name="mediaType"/> (RFC 9110 §12.5.1).</summary>
    private static (double Quality, int Specificity) Score(IList<MediaTypeHeaderValue> ranges, string mediaType)
    {
        var best = (Quality: 0d, Specificity: -1);
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var type = mediaType.AsSpan(0, slash);
        foreach (var range in ranges)
        {
            int specificity;
            if (range.MatchesAllTypes)
            {
                specificity = 0;
            }
            else if (range.MatchesAllSubTypes)
            {
                if (!range.Type.AsSpan().Equals(type, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                specificity = 1;
            }
            else if (range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            {
                specificity = 2;
            }
            else
            {
                continue;
            }

            if (specificity > best.Specificity)
            {
                best = (range.Quality ?? 1d, specificity);
            }
        }

        return best.Specificity < 0 ? (0d, -1) : best;
    }
}
