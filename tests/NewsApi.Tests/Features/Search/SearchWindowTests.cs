using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Search;

/// <summary>
/// RELEVANCE ranks the newest 1,000 matches, and PostgreSQL finds them in steps chosen by how common the words are (a
/// walk of the newest documents, a walk on from there — long enough to be read in two halves at once — the GIN index
/// over a span of time, every match). An archive of 20,000 articles, one a minute, with words at fixed rates, makes
/// each step answer; every one must give exactly the newest thousand.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class SearchWindowTests(TestStore store) : SearchFixture(store)
{
    private const int Articles = 20_000;

    [OneTimeSetUp]
    public async Task InsertArchive()
    {
        var now = DateTime.UtcNow;
        for (var start = 0; start < Articles; start += 1000)
        {
            await using var db = await CreateDbContextAsync();
            for (var i = start; i < start + 1000; i++)
            {
                var words = new List<string> { "حديقة" };
                if (i % 2 == 0)
                {
                    words.Add("قرنفل");
                }

                if (i % 8 == 0)
                {
                    words.Add("ياسمين");
                    words.Add("بنفسج جبلي");
                }

                if (i % 12 == 0)
                {
                    words.Add("سوسن بري");
                }

                if (i % 50 == 0)
                {
                    words.Add("خزامى");
                }

                var headline = string.Join(' ', words);
                db.Articles.Add(new Article
                {
                    Slug = $"archive-{i}",
                    Headline = headline,
                    Status = ArticleStatus.Published,
                    PublishedAt = now.AddMinutes(-1 - i),
                    CreatedAt = now,
                    UpdatedAt = now,
                    Body = [new ArticleBlock { Kind = BlockKind.Paragraph, Text = headline }],
                });
            }

            await db.SaveChangesAsync();
        }

        // The choice between walking on and the index reads the store's size from PostgreSQL's statistics; counted
        // now, so autovacuum cannot count a half-filled archive in the middle of the tests.
        if (Store == TestStore.Postgres)
        {
            await using var db = await CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE article_search");
        }
    }

    // Half the archive: the first walk fills the window. One in eight: the walk goes on (two words; split in halves
    // read at once, the newer of which fills the window), or the GIN index over a span (one word, the last one typed,
    // so matched through the whole terms it begins). One in twelve, two words: a split walk on whose older half
    // completes the window. One in fifty: fewer matches than a window, so every match.
    [TestCase("قرنفل", 2)]
    [TestCase("بنفسج جبلي", 8)]
    [TestCase("سوسن بري", 12)]
    [TestCase("ياسمين", 8)]
    [TestCase("ياسم", 8)]
    [TestCase("خزامى", 50)]
    public async Task Relevance_ranks_exactly_the_newest_thousand_matches(string query, int every)
    {
        var expected = Enumerable.Range(0, Articles).Where(i => i % every == 0).Take(1000).Select(i => $"archive-{i}");

        var found = new List<string>();
        string? after = null;
        do
        {
            var response = await SearchAsync(query, first: 100, after: after);
            Assert.That(response.Errors, Is.Empty, response.Body);
            found.AddRange(Edges(response).Select(e => e.GetProperty("node").GetProperty("article").GetProperty("slug").GetString()!));
            var pageInfo = response.Data.GetProperty("search").GetProperty("pageInfo");
            after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.That(found, Is.EquivalentTo(expected));
    }

    // A walk on this long is read in two halves at once (one in eight: the newer half fills the window; one in twelve:
    // the older half completes it). Either way the walks alone answer: the index is never consulted, which the
    // planner settings of that step would show.
    [TestCase("بنفسج جبلي")]
    [TestCase("سوسن بري")]
    public async Task A_long_walk_on_is_read_in_two_halves_and_needs_no_index(string query)
    {
        if (Store != TestStore.Postgres)
        {
            Assert.Ignore("The walk is PostgreSQL's; SQLite searches through FTS5.");
        }

        SqlCommands.Reset();
        var response = await SearchAsync(query, first: 10);

        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(Edges(response).Count(), Is.EqualTo(10));
        var walksOn = SqlCommands.Commands.Count(c => c.Contains("(s.published_at, s.article_id) <", StringComparison.Ordinal));
        Assert.That(walksOn, Is.EqualTo(2), string.Join("\n---\n", SqlCommands.Commands));
        Assert.That(SqlCommands.Commands, Has.None.Contains("enable_indexscan"));
    }
}
