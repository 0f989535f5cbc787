using NewsApi.Data.Entities;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Related;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class RelatedLinkMutationTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task Link_unlink_and_reorder_set_the_curated_order_readers_see()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var (from, targets) = await ArrangeAsync();

        foreach (var target in targets)
        {
            await MutateAsync(editor, "linkRelatedStory", "LinkRelatedStoryInput", new { fromId = from, toId = target });
        }

        await MutateAsync(editor, "linkRelatedStory", "LinkRelatedStoryInput", new { fromId = targets[0], toId = targets[1], kind = "FOLLOW_UP", position = 0 });
        await MutateAsync(editor, "unlinkRelatedStory", "UnlinkRelatedStoryInput", new { fromId = from, toId = targets[1] });
        var version = await MutateAsync(editor, "reorderRelatedStories", "ReorderRelatedStoriesInput", new { fromId = from, toIds = new[] { targets[2], targets[0] } });

        var response = await Client.PostAsync("query($id: ID!) { node(id: $id) { ... on Article { related(first: 2) { kind article { id } } } } }", new { id = from });
        var related = response.Data.GetProperty("node").GetProperty("related").EnumerateArray()
            .Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("article").GetProperty("id").GetString())).ToList();
        Assert.That(related, Is.EqualTo(new[] { ("CURATED", targets[2]), ("CURATED", targets[0]) }));
        Assert.That(version, Is.EqualTo(6), "three links, an unlink and a reorder: five writes after creation");
    }

    private static async Task<int> MutateAsync(GraphQLClient client, string mutation, string inputType, object input)
    {
        var response = await client.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ article {{ version }} userErrors {{ code message }} }} }}", new { input });
        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty(mutation).GetProperty("userErrors").GetArrayLength(), Is.Zero, response.Body);
        return response.Data.GetProperty(mutation).GetProperty("article").GetProperty("version").GetInt32();
    }

    private async Task<(string From, string[] Targets)> ArrangeAsync()
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var articles = Enumerable.Range(0, 4).Select(n => new Article
        {
            Slug = $"related-mutation-{n}",
            Headline = $"خبر مرتبط {n}",
            Status = ArticleStatus.Published,
            PublishedAt = now.AddMinutes(-n - 1),
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
        var ids = articles.Select(a => GlobalId.Encode("Article", a.Id)).ToArray();
        return (ids[0], ids[1..]);
    }
}
