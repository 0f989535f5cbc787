using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Nodes;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class NodeQueryTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task Every_id_the_api_hands_out_fetches_the_same_object_again()
    {
        var listed = await Client.PostAsync("""
            {
              articles(first: 1) { nodes { id headline section { id name } authors { id name } tags { id name } } }
              ticker(first: 1) { id headline }
            }
            """);
        var article = listed.Data.GetProperty("articles").GetProperty("nodes")[0];
        var expected = new (string Id, string Type, string Text)[]
        {
            (article.GetProperty("id").GetString()!, "Article", article.GetProperty("headline").GetString()!),
            (article.GetProperty("section").GetProperty("id").GetString()!, "Section", article.GetProperty("section").GetProperty("name").GetString()!),
            (article.GetProperty("authors")[0].GetProperty("id").GetString()!, "Author", article.GetProperty("authors")[0].GetProperty("name").GetString()!),
            (article.GetProperty("tags")[0].GetProperty("id").GetString()!, "Tag", article.GetProperty("tags")[0].GetProperty("name").GetString()!),
            (listed.Data.GetProperty("ticker")[0].GetProperty("id").GetString()!, "TickerItem", listed.Data.GetProperty("ticker")[0].GetProperty("headline").GetString()!),
        };

        var response = await Client.PostAsync("""
            query($ids: [ID!]!) {
              nodes(ids: $ids) {
                __typename id
                ... on Article { text: headline }
                ... on Section { text: name }
                ... on Author { text: name }
                ... on Tag { text: name }
                ... on TickerItem { text: headline }
              }
            }
            """, new { ids = expected.Select(e => e.Id).ToArray() });

        var nodes = response.Data.GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("__typename").GetString()!, n.GetProperty("text").GetString()!))
            .ToArray();
        Assert.That(nodes, Is.EqualTo(expected));
    }

    [Test]
    public async Task Nodes_keeps_the_order_asked_and_answers_null_where_nothing_is_public()
    {
        await using var db = await CreateDbContextAsync();
        var draftId = await db.Articles.Where(a => a.Status == NewsApi.Data.Entities.ArticleStatus.Draft).Select(a => a.Id).FirstAsync();
        var tag = await db.Tags.OrderBy(t => t.Id).FirstAsync();
        var ids = new[] { GlobalId.Encode("Article", draftId), GlobalId.Encode("Tag", tag.Id), GlobalId.Encode("Article", 999_999) };

        var response = await Client.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        var nodes = response.Data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.That(nodes.Select(n => n.ValueKind), Is.EqualTo(new[] { JsonValueKind.Null, JsonValueKind.Object, JsonValueKind.Null }));
        Assert.That(nodes[1].GetProperty("id").GetString(), Is.EqualTo(ids[1]));
    }

    [TestCase("garbage!")]
    [TestCase("QXJ0aWNsZTphYmM")]
    [TestCase("VW5rbm93bjox")]
    public async Task A_malformed_or_unknown_id_is_refused_with_a_stable_code(string id)
    {
        var response = await Client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_ID" }));
    }

    [Test]
    public async Task Article_by_id_refuses_an_id_of_another_type()
    {
        var tags = await Client.PostAsync("{ tags(first: 1) { nodes { id } } }");
        var tagId = tags.Data.GetProperty("tags").GetProperty("nodes")[0].GetProperty("id").GetString();

        var response = await Client.PostAsync("query($id: ID) { article(id: $id) { id } }", new { id = tagId });

        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "INVALID_ID" }));
    }

    [Test]
    public async Task Article_needs_exactly_one_of_id_and_slug()
    {
        var neither = await Client.PostAsync("{ article { id } }");
        var both = await Client.PostAsync("""{ article(id: "QXJ0aWNsZTox", slug: "x") { id } }""");

        Assert.That(neither.ErrorCodes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
        Assert.That(both.ErrorCodes, Is.EqualTo(new[] { "BAD_USER_INPUT" }));
    }
}
