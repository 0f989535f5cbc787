using System.Text.Json;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Search;

/// <summary>A server on its own store holding only <see cref="SearchCorpus"/>, so relevance expectations stay fixed.</summary>
public abstract class SearchFixture(TestStore store) : StoreFixture(store)
{
    protected const string SearchQuery = """
        query($q: String!, $first: Int, $after: String, $where: ArticleFilter, $order: SearchOrder) {
          search(query: $q, first: $first, after: $after, where: $where, orderBy: $order) {
            edges { cursor node { score snippet article { slug } } }
            pageInfo { hasNextPage endCursor }
            totalCount
          }
        }
        """;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedSampleContent"] = "false" };

    [OneTimeSetUp]
    public async Task InsertCorpus()
    {
        await using var db = await CreateDbContextAsync();
        await SearchCorpus.InsertAsync(db);
    }

    protected async Task<GraphQLResponse> SearchAsync(string q, int first = 100, string? after = null, object? where = null, string? order = null) =>
        await Client.PostAsync(SearchQuery, new { q, first, after, where, order });

    /// <summary>The slugs of every result, best first.</summary>
    protected async Task<List<string>> SlugsAsync(string q, object? where = null, string? order = null)
    {
        var response = await SearchAsync(q, where: where, order: order);
        Assert.That(response.Errors, Is.Empty, response.Body);
        return Edges(response).Select(e => e.GetProperty("node").GetProperty("article").GetProperty("slug").GetString()!).ToList();
    }

    protected static IEnumerable<JsonElement> Edges(GraphQLResponse response) =>
        response.Data.GetProperty("search").GetProperty("edges").EnumerateArray();
}
