using System.Net;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Live;

[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class TickerEventStreamTests(TestStore store) : StoreFixture(store)
{
    [Test]
    public async Task The_stream_resumes_after_last_event_id_with_what_was_missed()
    {
        var before = await AddTickerItemAsync("قبل الانقطاع");
        await AddTickerItemAsync("أثناء الانقطاع ١");
        await AddTickerItemAsync("أثناء الانقطاع ٢");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/events/ticker");
        request.Headers.Add("Last-Event-ID", before.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));

        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        var events = await ReadEventsAsync(reader, 2);

        Assert.That(events.Select(e => e.Data), Has.Exactly(1).Contains("أثناء الانقطاع ١").And.Exactly(1).Contains("أثناء الانقطاع ٢"));
        Assert.That(events.Select(e => e.Event), Is.All.EqualTo("added"));
        var sequences = events.Select(e => long.Parse(e.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.That(sequences, Is.All.GreaterThan(before));
        Assert.That(sequences, Is.Ordered.Ascending);
    }

    [Test]
    public async Task A_last_event_id_that_is_not_a_sequence_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events/ticker");
        request.Headers.Add("Last-Event-ID", "abc");

        using var response = await Client.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("INVALID_CURSOR"));
    }

    private static async Task<List<(string Id, string Event, string Data)>> ReadEventsAsync(StreamReader reader, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = new List<(string, string, string)>();
        string id = string.Empty, name = string.Empty, data = string.Empty;
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
            else if (line.Length == 0 && id.Length > 0)
            {
                events.Add((id, name, data));
                id = string.Empty;
            }
        }

        return events;
    }

    /// <summary>Adds an item and returns the sequence of the event it caused.</summary>
    private async Task<long> AddTickerItemAsync(string headline)
    {
        await using var db = await CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var item = new TickerItem { Headline = headline, StartsAt = now.AddSeconds(-1), CreatedAt = now, UpdatedAt = now };
        db.TickerItems.Add(item);
        await db.SaveChangesAsync();
        return db.ContentEvents.Where(e => e.EntityId == item.Id && e.Kind == ContentEventKind.TickerAdded).Select(e => e.Id).Single();
    }
}
