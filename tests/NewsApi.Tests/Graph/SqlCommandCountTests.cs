using Microsoft.Extensions.DependencyInjection;
using NewsApi.Features.Caching;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Graph;

/// <summary>One feed request costs the same handful of SQL commands whatever the page size: no N+1.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class SqlCommandCountTests(TestStore store) : StoreFixture(store)
{
    private const string FeedQuery = """
        query($first: Int) {
          articles(first: $first) {
            nodes { section { name } authors { name } tags { name } related(first: 3) { article { headline } } }
          }
        }
        """;

    // The page, which on PostgreSQL also says which authors and tags each article has (an array_agg per kind; on
    // SQLite that is one more query, a UNION ALL); the related stories with their articles (curated and automatic in one).
    private int WarmCommands => Store == TestStore.Postgres ? 2 : 3;

    // The first time, the tags, sections and authors themselves too (then they come from the reference cache).
    private int ColdCommands => WarmCommands + 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:DemoArticles"] = "120",
    };

    [TestCase(5)]
    [TestCase(50)]
    [TestCase(100)]
    public async Task The_feed_with_section_authors_tags_and_related_runs_a_constant_number_of_commands(int first)
    {
        Factory.Services.GetRequiredService<ReferenceCache>().EvictAll();
        SqlCommands.Reset();

        var cold = await Client.PostAsync(FeedQuery, new { first });
        var coldCommands = SqlCommands.Count;
        SqlCommands.Reset();
        var warm = await Client.PostAsync(FeedQuery, new { first });

        Assert.That(cold.Errors, Is.Empty, cold.Body);
        Assert.That(cold.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.EqualTo(first));
        Assert.That(warm.Data.GetRawText(), Is.EqualTo(cold.Data.GetRawText()));
        Assert.That(coldCommands, Is.EqualTo(ColdCommands));
        Assert.That(SqlCommands.Count, Is.EqualTo(WarmCommands), string.Join("\n---\n", SqlCommands.Commands));
    }

    [Test]
    public async Task Tags_asked_for_in_a_fragment_are_read_with_the_page()
    {
        const string withFragment = """
            query($first: Int) { articles(first: $first) { nodes { ...Card } } }
            fragment Card on Article { section { name } ... on Article { authors { name } tags { name } } related(first: 3) { article { headline } } }
            """;
        await Client.PostAsync(FeedQuery, new { first = 10 });
        SqlCommands.Reset();

        var response = await Client.PostAsync(withFragment, new { first = 10 });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("articles").GetProperty("nodes")[0].GetProperty("tags").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(SqlCommands.Count, Is.EqualTo(WarmCommands), string.Join("\n---\n", SqlCommands.Commands));
    }

    [Test]
    public async Task A_page_that_shows_no_tags_or_authors_does_not_read_them()
    {
        var tag = (await Client.PostAsync("{ articles(first: 1) { nodes { tags { slug } } } }"))
            .Data.GetProperty("articles").GetProperty("nodes")[0].GetProperty("tags")[0].GetProperty("slug").GetString();
        SqlCommands.Reset();

        var response = await Client.PostAsync(
            "query($tag: String!) { tag(slug: $tag) { articles(first: 5) { nodes { slug headline section { name } } } } }", new { tag });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("tag").GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(SqlCommands.Commands, Has.None.Contains("article_authors"), string.Join("\n---\n", SqlCommands.Commands));
    }

    [Test]
    public async Task A_front_page_without_tags_or_authors_is_one_command_that_keeps_its_plan()
    {
        await Client.PostAsync("{ articles(first: 20) { nodes { slug headline section { name } } } }");
        SqlCommands.Reset();

        var response = await Client.PostAsync("{ articles(first: 20) { nodes { slug headline section { name } } } }");

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.EqualTo(20));
        Assert.That(SqlCommands.Count, Is.EqualTo(1), string.Join("\n---\n", SqlCommands.Commands));
        Assert.That(SqlCommands.Commands, Has.None.Contains("article_authors"));
        if (Store == TestStore.Postgres)
        {
            // Through newest_article_ids, whose statement PostgreSQL plans once per connection.
            Assert.That(SqlCommands.Commands[0], Does.Contain("newest_article_ids"));
        }
    }

    [Test]
    public async Task Asking_for_the_total_adds_one_count_query()
    {
        SqlCommands.Reset();

        await Client.PostAsync("{ articles(first: 50) { totalCount nodes { slug } } }");

        Assert.That(SqlCommands.Count, Is.EqualTo(2), string.Join("\n---\n", SqlCommands.Commands));
    }

    [Test]
    public async Task An_article_page_reads_its_body_and_its_related_stories_with_the_article()
    {
        const string page = """
            query($slug: String!) {
              article(slug: $slug) { headline body { kind } section { name } authors { name } tags { name } related(first: 5) { article { headline } } }
            }
            """;
        var slug = (await Client.PostAsync("{ articles(first: 1) { nodes { slug } } }")).Data.GetProperty("articles").GetProperty("nodes")[0].GetProperty("slug").GetString();
        await Client.PostAsync(page, new { slug });
        SqlCommands.Reset();

        var response = await Client.PostAsync(page, new { slug });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("article").GetProperty("body").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(response.Data.GetProperty("article").GetProperty("related").GetArrayLength(), Is.EqualTo(5));
        // On PostgreSQL one statement: the article with its body, which authors and tags it has, and its ranked related
        // stories with their articles. On SQLite the article, its links, and its related stories.
        Assert.That(SqlCommands.Count, Is.EqualTo(Store == TestStore.Postgres ? 1 : 3), string.Join("\n---\n", SqlCommands.Commands));
    }

    [Test]
    public async Task The_ticker_reads_the_articles_it_shows_with_its_items()
    {
        const string ticker = "{ ticker { headline dir article { slug headline } } }";
        await Client.PostAsync(ticker);
        SqlCommands.Reset();

        var response = await Client.PostAsync(ticker);

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("ticker").EnumerateArray().Count(t => t.GetProperty("article").ValueKind == System.Text.Json.JsonValueKind.Object), Is.Positive);
        // On PostgreSQL one statement; on SQLite the items, then their articles.
        Assert.That(SqlCommands.Count, Is.EqualTo(Store == TestStore.Postgres ? 1 : 2), string.Join("\n---\n", SqlCommands.Commands));
    }
}
