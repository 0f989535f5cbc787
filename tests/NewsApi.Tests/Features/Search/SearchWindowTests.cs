using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Search;

/// <summary>
/// RELEVANCE ranks the newest 1,000 matches, and PostgreSQL finds them in steps chosen by how common the words are (a
/// walk of the newest documents, a walk on from there, the GIN index over a span of time, every match). An archive of 20,000 articles, one a minute, with words at fixed rates, makes
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

    // Half the archive: the first walk fills the window. One in eight: the walk goes on (two words), or the GIN index
    // over a span (one word, the last one typed, so matched through the whole terms it begins). One in twelve, two
    // words: a longer walk on. One in fifty: fewer matches than a window, so every match.
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

    // Two words, matching one document in eight or twelve: the window is within a walk's reach, so the first walk and
    // one walk on from where it stopped answer, and the index is never consulted (its step's planner setting would show).
    [TestCase("بنفسج جبلي")]
    [TestCase("سوسن بري")]
    public async Task Words_common_together_are_found_by_walking_on_without_the_index(string query)
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
        Assert.That(walksOn, Is.EqualTo(1), string.Join("\n---\n", SqlCommands.Commands));
        Assert.That(SqlCommands.Commands, Has.None.Contains("enable_indexscan"));
    }
}
