using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsApi.Features.PersistedDocuments;
using NewsApi.Graph;

namespace NewsApi.Transport;

/// <summary>
/// Turns a POST body or a GET query string into a <see cref="GraphQLHttpRequest"/>, or the transport error that
/// refuses it. Everything malformed is caught here so GraphQL.NET only ever sees well-typed parameters.
/// </summary>
internal sealed class GraphQLHttpRequestReader(IGraphQLSerializer serializer, IOptions<GraphQLHttpOptions> options)
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public async Task<(GraphQLHttpRequest? Request, TransportError? Error)> ReadPostAsync(HttpContext context)
    {
        var contentTypeError = CheckContentType(context.Request);
        if (contentTypeError is not null)
        {
            return (null, contentTypeError);
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        // Kestrel's own 30 MB ceiling is far above ours; lowering it stops a chunked upload at the socket.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit + 1;
        }

        byte[]? rented = null;
        try
        {
            int length;
            try
            {
                (rented, length) = await ReadBodyAsync(context.Request.Body, limit, context.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (null, TooLarge(limit));
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status408RequestTimeout)
            {
                // Kestrel's minimum data rate: a client trickling its body (or stalled) holds a connection for nothing.
                return (null, new TransportError(StatusCodes.Status408RequestTimeout, ErrorCodes.Timeout, "The request body arrived too slowly."));
            }
            catch (BadHttpRequestException ex)
            {
                // The body broke off before its declared length: a malformed request, not a fault of ours.
                return (null, TransportError.BadRequest(ErrorCodes.BadRequest, $"The request body could not be read: {ex.Message}"));
            }

            if (length > limit)
            {
                return (null, TooLarge(limit));
            }

            var body = rented.AsMemory(0, length);
            if (body.Span.StartsWith(Utf8Bom))
            {
                body = body[Utf8Bom.Length..];
            }

            if (!Utf8.IsValid(body.Span))
            {
                return (null, TransportError.BadRequest(ErrorCodes.InvalidUtf8, "The request body is not valid UTF-8."));
            }

            if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
            {
                return (null, TransportError.BadRequest(ErrorCodes.InvalidJson, "The request body is empty; send a JSON object with a query."));
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                return (null, TransportError.BadRequest(ErrorCodes.InvalidJson, $"The request body is not valid JSON: {ex.Message}"));
            }

            using (document)
            {
                return FromJson(document.RootElement);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public (GraphQLHttpRequest? Request, TransportError? Error) ReadGet(HttpRequest request)
    {
        var query = Single(request.Query, "query", out var error);
        if (error is not null)
        {
            return (null, error);
        }

        var operationName = Single(request.Query, "operationName", out error);
        if (error is not null)
        {
            return (null, error);
        }

        var variablesText = Single(request.Query, "variables", out error);
        if (error is not null)
        {
            return (null, error);
        }

        var extensionsText = Single(request.Query, "extensions", out error);
        if (error is not null)
        {
            return (null, error);
        }

        var documentId = Single(request.Query, "documentId", out error);
        if (error is not null)
        {
            return (null, error);
        }

        var variables = ParseMap(variablesText, "variables", out error);
        if (error is not null)
        {
            return (null, error);
        }

        var extensions = ParseMap(extensionsText, "extensions", out error);
        if (error is not null)
        {
            return (null, error);
        }

        if (string.IsNullOrWhiteSpace(query) && !PersistedDocumentRequest.Names(documentId, extensions))
        {
            return (null, MissingQuery());
        }

        return (new GraphQLHttpRequest(query ?? string.Empty, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions,
            variablesText is null ? 0 : Encoding.UTF8.GetByteCount(variablesText), string.IsNullOrEmpty(documentId) ? null : documentId), null);
    }

    private static TransportError? CheckContentType(HttpRequest request)
    {
        var header = request.ContentType;
        if (string.IsNullOrWhiteSpace(header))
        {
            return new TransportError(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "A POST needs Content-Type: application/json.");
        }

        if (!MediaTypeHeaderValue.TryParse(header, out var mediaType)
            || !mediaType.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase))
        {
            return new TransportError(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"Content-Type '{header}' is not supported; send application/json.");
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        if (charset.Length > 0
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return new TransportError(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"Charset '{charset}' is not supported; GraphQL over HTTP requests are UTF-8.");
        }

        return null;
    }

    /// <summary>Reads up to one byte past the limit, so "too large" is known without buffering the rest.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var cap = (int)Math.Min(limit + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(cap, 16 * 1024));
        var length = 0;
        try
        {
            while (length < cap)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap) - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private (GraphQLHttpRequest? Request, TransportError? Error) FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return (null, TransportError.BadRequest(ErrorCodes.BatchingNotSupported,
                "Batched requests (a JSON array) are not supported; send one JSON object per request."));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, TransportError.BadRequest(ErrorCodes.BadRequest, "The request body must be a JSON object."));
        }

        string? query = null;
        string? operationName = null;
        Inputs? variables = null;
        Inputs? extensions = null;
        string? documentId = null;
        var variablesBytes = 0;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return (null, TransportError.BadRequest(ErrorCodes.BadRequest, "The 'query' parameter must be a string."));
                    }

                    if (!TryGetString(property.Value, out query))
                    {
                        return (null, UnpairedSurrogate("query"));
                    }

                    break;

                case "operationName":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return (null, TransportError.BadRequest(ErrorCodes.BadRequest, "The 'operationName' parameter must be a string or null."));
                    }

                    if (!TryGetString(property.Value, out operationName))
                    {
                        return (null, UnpairedSurrogate("operationName"));
                    }

                    break;

                case "variables":
                    variablesBytes = JsonMarshal.GetRawUtf8Value(property.Value).Length;
                    if (!TryReadMap(property.Value, "variables", out variables, out var variablesError))
                    {
                        return (null, variablesError);
                    }

                    break;

                case "extensions":
                    if (!TryReadMap(property.Value, "extensions", out extensions, out var extensionsError))
                    {
                        return (null, extensionsError);
                    }

                    break;

                case "documentId":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return (null, TransportError.BadRequest(ErrorCodes.BadRequest, "The 'documentId' parameter must be a string or null."));
                    }

                    if (!TryGetString(property.Value, out documentId))
                    {
                        return (null, UnpairedSurrogate("documentId"));
                    }

                    break;

                default:
                    // The spec reserves unknown keys for future use; ignoring them keeps newer clients working.
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(query) && !PersistedDocumentRequest.Names(documentId, extensions))
        {
            return (null, MissingQuery());
        }

        return (new GraphQLHttpRequest(query ?? string.Empty, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions,
            variablesBytes, string.IsNullOrEmpty(documentId) ? null : documentId), null);
    }

    private bool TryReadMap(JsonElement value, string parameter, out Inputs? map, out TransportError? error)
    {
        map = null;
        error = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                try
                {
                    map = serializer.ReadNode<Inputs>(value);
                    return true;
                }
                catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException)
                {
                    error = TransportError.BadRequest(ErrorCodes.BadRequest, $"The '{parameter}' parameter could not be read: {ex.Message}");
                    return false;
                }

            default:
                error = TransportError.BadRequest(ErrorCodes.BadRequest, $"The '{parameter}' parameter must be a JSON object or null.");
                return false;
        }
    }

    private Inputs? ParseMap(string? text, string parameter, out TransportError? error)
    {
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return TryReadMap(document.RootElement, parameter, out var map, out error) ? map : null;
        }
        catch (JsonException ex)
        {
            error = TransportError.BadRequest(ErrorCodes.InvalidJson, $"The '{parameter}' parameter is not valid JSON: {ex.Message}");
            return null;
        }
    }

    private static string? Single(IQueryCollection query, string name, out TransportError? error)
    {
        error = null;
        var values = query[name];
        if (values.Count > 1)
        {
            error = TransportError.BadRequest(ErrorCodes.BadRequest, $"The '{name}' parameter appears more than once.");
            return null;
        }

        return values.Count == 0 ? null : values[0];
    }

    /// <summary>A JSON escape like \ud800 with no partner decodes to no string at all: refused, not thrown.</summary>
    private static bool TryGetString(JsonElement value, out string? text)
    {
        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static TransportError UnpairedSurrogate(string parameter) =>
        TransportError.BadRequest(ErrorCodes.BadRequest, $"The '{parameter}' parameter contains an unpaired surrogate escape, which is no Unicode text.");

    private static TransportError MissingQuery() =>
        TransportError.BadRequest(ErrorCodes.MissingQuery, "The request has no 'query' parameter.");

    private static TransportError TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
            $"The request body is larger than the {limit} bytes this endpoint accepts.");
}
