using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsApi.Data;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Search;

/// <summary>
/// Searches beyond the limit (two per core, here set to three by <c>Search:ConcurrentQueries</c>) wait for a slot
/// instead of all querying at once, and every one is answered. Each search command is held for a moment in the
/// server, so the searches overlap whatever the machine's speed.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class SearchConcurrencyTests(TestStore store) : SearchFixture(store)
{
    private readonly SearchCommandProbe probe = new();

    private const int Limit = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Search:ConcurrentQueries"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(probe);

    [Test]
    public async Task Searches_beyond_the_limit_wait_their_turn_and_all_are_answered()
    {
        var searches = Enumerable.Range(0, 4 * Limit).Select(_ => SearchAsync("الأردن", first: 5)).ToList();
        var responses = await Task.WhenAll(searches);

        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.Errors.Count), Has.All.Zero);
            Assert.That(responses.Select(r => Edges(r).Count()), Has.All.Positive);
            Assert.That(probe.MostAtOnce, Is.InRange(2, Limit), "search commands running at once");
        });
    }

    /// <summary>Holds every request's command that reads the search documents (not background work) for 50 ms and notes how many were held at once.</summary>
    private sealed class SearchCommandProbe : DbCommandInterceptor
    {
        private int running;
        private int mostAtOnce;

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("article_search", StringComparison.Ordinal) && !command.CommandText.Contains(SqlTags.Background, StringComparison.Ordinal))
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(now);
                try
                {
                    await Task.Delay(50, cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            }

            return result;
        }

        private void InterlockedMax(int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, value, seen) != seen)
            {
            }
        }
    }
}
