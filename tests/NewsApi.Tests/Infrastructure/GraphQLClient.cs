using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NewsApi.Tests.Infrastructure;

/// <summary>Speaks GraphQL over HTTP to the server the way a front end would.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    public HttpClient Http => http;

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null) =>
        PostJsonAsync(JsonSerializer.Serialize(new { query, variables, operationName }));

    public async Task<GraphQLResponse> PostJsonAsync(string json, string accept = GraphQLResponseMediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> GetAsync(string query, object? variables = null, string accept = GraphQLResponseMediaType)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
        {
            url += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await SendAsync(request);
    }

    public async Task<GraphQLResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), bytes);
    }

    public static ByteArrayContent RawContent(byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
