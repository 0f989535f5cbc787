using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Tags;

/// <summary>createTag, createSection and createAuthor share one slug rule; one fixture pins it for all three.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class TaxonomyMutationTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task Tags_sections_and_authors_get_slugs_from_their_names()
    {
        var editor = await ClientAsAsync(ApiRole.Editor);

        var tag = await editor.PostAsync("mutation { createTag(input: { name: \"الموصل\", nameEn: \"Mosul\", kind: PLACE }) { tag { slug kind } userErrors { code } } }");
        var section = await editor.PostAsync("mutation { createSection(input: { name: \"اقتصاد\" }) { section { slug position } userErrors { code } } }");
        var author = await editor.PostAsync("mutation { createAuthor(input: { name: \"سارة علي\" }) { author { slug } userErrors { code } } }");
        var again = await editor.PostAsync("mutation { createAuthor(input: { name: \"سارة علي\" }) { author { slug } userErrors { code } } }");

        Assert.Multiple(() =>
        {
            Assert.That(tag.Data.GetProperty("createTag").GetProperty("tag").GetProperty("slug").GetString(), Is.EqualTo("mosul"));
            Assert.That(tag.Data.GetProperty("createTag").GetProperty("tag").GetProperty("kind").GetString(), Is.EqualTo("PLACE"));
            Assert.That(section.Data.GetProperty("createSection").GetProperty("section").GetProperty("slug").GetString(), Is.EqualTo("اقتصاد"));
            Assert.That(section.Data.GetProperty("createSection").GetProperty("section").GetProperty("position").GetInt32(), Is.EqualTo(3), "after the three sample sections");
            Assert.That(author.Data.GetProperty("createAuthor").GetProperty("author").GetProperty("slug").GetString(), Is.EqualTo("سارة-علي"));
            Assert.That(again.Data.GetProperty("createAuthor").GetProperty("author").GetProperty("slug").GetString(), Is.EqualTo("سارة-علي-2"));
        });
    }
}
