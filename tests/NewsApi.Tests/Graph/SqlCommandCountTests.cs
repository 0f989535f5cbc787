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

    // One page query, then one each for sections, authors, tags, curated links, automatic links and the related articles.
    private const int ExpectedCommands = 7;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:DemoArticles"] = "120",
    };

    [TestCase(5)]
    [TestCase(50)]
    [TestCase(100)]
    public async Task The_feed_with_section_authors_tags_and_related_runs_a_constant_number_of_commands(int first)
    {
        SqlCommands.Reset();

        var response = await Client.PostAsync(FeedQuery, new { first });

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.EqualTo(first));
        Assert.That(SqlCommands.Count, Is.EqualTo(ExpectedCommands), string.Join("\n---\n", SqlCommands.Commands));
    }

    [Test]
    public async Task Asking_for_the_total_adds_one_count_query()
    {
        SqlCommands.Reset();

        await Client.PostAsync("{ articles(first: 50) { totalCount nodes { slug } } }");

        Assert.That(SqlCommands.Count, Is.EqualTo(2), string.Join("\n---\n", SqlCommands.Commands));
    }
}
