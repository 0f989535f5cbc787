using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data.Entities;
using NewsApi.Features.Caching;
using NewsApi.Graph;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Caching;

/// <summary>Tags, sections and authors named on article cards come from the shared reference cache, and a rename reaches it.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
[NonParallelizable]
public sealed class ReferenceCacheTests(TestStore store) : StoreFixture(store)
{
    private const string Cards = "{ articles(first: 10) { nodes { section { id name } authors { id name } tags { id name } } } }";

    private readonly PurgeReceiver purges = PurgeReceiver.Start();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Caching:PurgeUrl"] = purges.Url.ToString(),
    };

    [OneTimeTearDown]
    public async Task StopReceiver() => await purges.DisposeAsync();

    [Test]
    public async Task A_second_page_of_cards_reads_no_tag_section_or_author_rows()
    {
        Factory.Services.GetRequiredService<ReferenceCache>().EvictAll();
        var cold = await Client.PostAsync(Cards);
        SqlCommands.Reset();

        var warm = await Client.PostAsync(Cards);

        Assert.That(warm.Data.GetRawText(), Is.EqualTo(cold.Data.GetRawText()));
        var commands = string.Join("\n---\n", SqlCommands.Commands);
        Assert.That(SqlCommands.Commands.Where(c => ReadsTable(c, "tags") || ReadsTable(c, "sections") || ReadsTable(c, "authors")), Is.Empty, commands);
    }

    [Test]
    public async Task Renamed_tags_sections_and_authors_show_their_new_names_on_the_next_request()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);
        var card = FirstCardWithEverything((await Client.PostAsync(Cards)).Data);
        var tagId = card.GetProperty("tags")[0].GetProperty("id").GetString()!;
        var sectionId = card.GetProperty("section").GetProperty("id").GetString()!;
        var authorId = card.GetProperty("authors")[0].GetProperty("id").GetString()!;

        var renames = new[]
        {
            ("updateTag", "UpdateTagInput", tagId, "وسم بعد التغيير", SurrogateKeys.Tag(GlobalId.Expect("Tag", tagId))),
            ("updateSection", "UpdateSectionInput", sectionId, "قسم بعد التغيير", SurrogateKeys.Section(GlobalId.Expect("Section", sectionId))),
            ("updateAuthor", "UpdateAuthorInput", authorId, "كاتب بعد التغيير", SurrogateKeys.Author(GlobalId.Expect("Author", authorId))),
        };
        foreach (var (mutation, input, id, name, key) in renames)
        {
            var renamed = await editor.PostAsync($"mutation($input: {input}!) {{ {mutation}(input: $input) {{ userErrors {{ code }} }} }}", new { input = new { id, name } });
            Assert.That(renamed.Body, Does.Not.Contain("\"code\""), renamed.Body);
            await purges.WaitForAsync(key);
        }

        var after = (await Client.PostAsync(Cards)).Data.GetRawText();

        Assert.That(after, Does.Contain("وسم بعد التغيير").And.Contain("قسم بعد التغيير").And.Contain("كاتب بعد التغيير"));
    }

    private static JsonElement FirstCardWithEverything(JsonElement data) =>
        data.GetProperty("articles").GetProperty("nodes").EnumerateArray()
            .First(n => n.GetProperty("section").ValueKind == JsonValueKind.Object && n.GetProperty("authors").GetArrayLength() > 0 && n.GetProperty("tags").GetArrayLength() > 0);

    private static bool ReadsTable(string command, string table) =>
        Regex.IsMatch(command, $@"\b(FROM|JOIN)\s+""?{table}""?\s", RegexOptions.IgnoreCase);
}
