using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Tags;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class TagQueryTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task A_tag_page_lists_the_published_articles_with_that_tag_newest_first()
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var expected = await db.Articles
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Tags.Any(t => t.Tag!.Slug == "syria"))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Slug).ToListAsync();

        var response = await Client.PostAsync("""{ tag(slug: "syria") { name nameEn kind articles(first: 100) { totalCount nodes { slug } } } }""");

        var tag = response.Data.GetProperty("tag");
        Assert.Multiple(() =>
        {
            Assert.That(tag.GetProperty("name").GetString(), Is.EqualTo("سوريا"));
            Assert.That(tag.GetProperty("kind").GetString(), Is.EqualTo("PLACE"));
            Assert.That(tag.GetProperty("articles").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()), Is.EqualTo(expected));
            Assert.That(tag.GetProperty("articles").GetProperty("totalCount").GetInt32(), Is.EqualTo(expected.Count));
        });
    }

    [Test]
    public async Task Tags_page_through_every_tag_once_in_name_order()
    {
        await using var db = await CreateDbContextAsync();
        var total = await db.Tags.CountAsync();
        var names = new List<string>();
        string? after = null;
        do
        {
            var response = await Client.PostAsync("query($after: String) { tags(first: 4, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }", new { after });
            var tags = response.Data.GetProperty("tags");
            names.AddRange(tags.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!));
            after = tags.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? tags.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.That(names, Has.Count.EqualTo(total));
        Assert.That(names, Is.Unique);
        Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public async Task Tags_narrow_by_text_in_either_language_and_by_kind()
    {
        var arabic = await Client.PostAsync("""{ tags(query: "عراق") { nodes { slug } } }""");
        var english = await Client.PostAsync("""{ tags(query: "IRAQ") { nodes { slug } } }""");
        var people = await Client.PostAsync("{ tags(kind: PERSON) { nodes { kind } } }");

        Assert.That(arabic.Data.GetProperty("tags").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()), Does.Contain("iraq"));
        Assert.That(english.Data.GetProperty("tags").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()), Does.Contain("iraq"));
        Assert.That(people.Data.GetProperty("tags").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()), Is.Not.Empty.And.All.EqualTo("PERSON"));
    }

    [TestCase("عراق", "iraq")]
    [TestCase("العراق", "iraq")]
    [TestCase("الع", "iraq")]
    [TestCase("بالعراق", "iraq")]
    [TestCase("عِراق", "iraq")]
    [TestCase("Ira", "iraq")]
    [TestCase("اردن", "jordan")]
    [TestCase("الاردن", "jordan")]
    [TestCase("سور", "syria")]
    [TestCase("ايران", "iran")]
    [TestCase("trump", "trump")]
    public async Task Tag_autocomplete_normalises_like_search(string query, string slug)
    {
        var response = await Client.PostAsync("query($q: String) { tags(query: $q, first: 100) { nodes { slug } } }", new { q = query });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("tags").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()), Does.Contain(slug));
    }

    [Test]
    public async Task Tag_autocomplete_matches_word_starts_only()
    {
        var response = await Client.PostAsync("""{ tags(query: "راق") { nodes { slug } } }""");

        Assert.That(response.Data.GetProperty("tags").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("slug").GetString()), Does.Not.Contain("iraq"));
    }

    [Test]
    public async Task Sections_and_authors_have_their_own_feeds()
    {
        var response = await Client.PostAsync("""
            {
              sections { slug name }
              section(slug: "politics") { name articles(first: 2) { nodes { section { slug } } } }
              author(slug: "politics-desk") { name articles(first: 2) { nodes { authors { slug } } } }
            }
            """);

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("sections").GetArrayLength(), Is.GreaterThanOrEqualTo(3));
        Assert.That(response.Data.GetProperty("section").GetProperty("articles").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("section").GetProperty("slug").GetString()), Is.All.EqualTo("politics"));
        Assert.That(response.Data.GetProperty("author").GetProperty("articles").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("slug").GetString())), Has.All.Contains("politics-desk"));
    }
}
