using System.Net;
using System.Text.Json;

namespace NewsApi.Tests.Infrastructure;

/// <summary>What a client sees of one GraphQL request: status, media type, raw bytes and the parsed body.</summary>
public sealed class GraphQLResponse
{
    public GraphQLResponse(HttpStatusCode statusCode, string? contentType, byte[] bytes)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Bytes = bytes;
        Body = System.Text.Encoding.UTF8.GetString(bytes);
        try
        {
            Root = JsonDocument.Parse(bytes).RootElement.Clone();
        }
        catch (JsonException)
        {
            Root = default;
        }
    }

    public HttpStatusCode StatusCode { get; }

    public string? ContentType { get; }

    public byte[] Bytes { get; }

    public string Body { get; }

    public JsonElement Root { get; }

    public JsonElement Data => Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty("data", out var data)
        ? data
        : throw new AssertionException($"The response has no data: {Body}");

    public IReadOnlyList<JsonElement> Errors => Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateArray()]
        : [];

    public IReadOnlyList<string?> ErrorCodes => [.. Errors.Select(e =>
        e.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null)];
}
