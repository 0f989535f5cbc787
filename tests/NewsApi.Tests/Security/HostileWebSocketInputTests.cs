using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>
/// The hostile-input corpus over the graphql-transport-ws socket: malformed, binary, huge, out-of-order, mistyped and
/// bombing frames. Each gets an `error` (or a `next` whose errors carry codes) or a close with a protocol code —
/// never 4500, never a hang — and the server goes on serving other clients.
/// </summary>
[TestFixture(TestStore.Sqlite)]
public sealed class HostileWebSocketInputTests(TestStore store) : StoreFixture(store)
{
    /// <summary>Frames sent as they are, after connection_init/ack when <paramref name="Init"/>.</summary>
    public sealed record HostileFrames(bool Init, IReadOnlyList<(byte[] Bytes, WebSocketMessageType Type, bool End)> Frames)
    {
        public static HostileFrames Text(string text, bool init = true) => new(init, [(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true)]);

        public static HostileFrames Bytes(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Text, bool init = true) => new(init, [(bytes, type, true)]);

        public static HostileFrames Subscribe(string query, object? variables = null) =>
            Text(JsonSerializer.Serialize(new { id = "h", type = "subscribe", payload = new { query, variables } }));
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static IEnumerable<TestCaseData> Corpus()
    {
        var fragmentBomb = "{ ...F0 } " + string.Concat(Enumerable.Range(0, 30).Select(i => FormattableString.Invariant($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ")))
            + "fragment F30 on Query { ticker { headline } }";
        var cases = new (string Name, HostileFrames Frames)[]
        {
            ("malformed JSON", HostileFrames.Text("{\"type\":")),
            ("not JSON at all", HostileFrames.Text("hello")),
            ("empty text frame", HostileFrames.Text(string.Empty)),
            ("JSON nested 10000 deep", HostileFrames.Text(Repeat("[", 10_000) + Repeat("]", 10_000))),
            ("binary frame of valid JSON", HostileFrames.Bytes(Encoding.UTF8.GetBytes("{\"type\":\"ping\"}"), WebSocketMessageType.Binary)),
            ("binary garbage", HostileFrames.Bytes([0, 1, 2, 255, 254], WebSocketMessageType.Binary)),
            ("invalid UTF-8 in a text frame", HostileFrames.Bytes([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}'])),
            ("lone surrogate bytes in a text frame", HostileFrames.Bytes([(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'])),
            ("a 1 MB frame", HostileFrames.Text("{\"type\":\"ping\",\"payload\":\"" + new string('x', 1 << 20) + "\"}")),
            ("a message over the limit in many fragments", new HostileFrames(true, [.. Enumerable.Range(0, 40).Select(_ => (Encoding.UTF8.GetBytes(new string(' ', 4096)), WebSocketMessageType.Text, false)), (Encoding.UTF8.GetBytes("{}"), WebSocketMessageType.Text, true)])),
            ("unknown message type", HostileFrames.Text("{\"type\":\"connection_terminate\"}")),
            ("type is null", HostileFrames.Text("{\"type\":null}")),
            ("a JSON array", HostileFrames.Text("[{\"type\":\"ping\"}]")),
            ("subscribe before the acknowledgement", HostileFrames.Text("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}", init: false)),
            ("connection_init payload is a string", HostileFrames.Text("{\"type\":\"connection_init\",\"payload\":\"key\"}", init: false)),
            ("connection_init apiKey is a number", HostileFrames.Text("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":5}}", init: false)),
            ("id is a number", HostileFrames.Text("{\"id\":1,\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}")),
            ("payload is an array", HostileFrames.Text("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":[]}")),
            ("query is a number", HostileFrames.Text("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":5}}")),
            ("variables is a string", HostileFrames.Text("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\",\"variables\":\"{}\"}}")),
            ("extensions is a number", HostileFrames.Text("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\",\"extensions\":7}}")),
            ("complete for an id never used", HostileFrames.Text("{\"id\":\"ghost\",\"type\":\"complete\"}")),
            ("an id of 10000 characters", HostileFrames.Text(JsonSerializer.Serialize(new { id = new string('i', 10_000), type = "subscribe", payload = new { query = "{ __typename }" } }))),
            ("syntax error in subscribe", HostileFrames.Subscribe("subscription { tickerChanged { kind ")),
            ("selections nested 5000 deep", HostileFrames.Subscribe(Repeat("{ a ", 5000) + Repeat("}", 5000))),
            ("alias bomb query", HostileFrames.Subscribe("{ " + string.Concat(Enumerable.Range(0, 200).Select(i => $"a{i}: ticker {{ headline }} ")) + "}")),
            ("alias bomb subscription", HostileFrames.Subscribe("subscription { " + string.Concat(Enumerable.Range(0, 200).Select(i => $"a{i}: tickerChanged {{ kind }} ")) + "}")),
            ("fragment bomb", HostileFrames.Subscribe(fragmentBomb)),
            ("fragment cycle", HostileFrames.Subscribe("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }")),
            ("directive abuse", HostileFrames.Subscribe("{ ticker " + Repeat("@include(if: true) ", 500) + "{ headline } }")),
            ("huge number variable", HostileFrames.Subscribe("query($n: Int) { ticker(first: $n) { headline } }", new { n = 1e40 })),
            ("wrong-typed variable", HostileFrames.Subscribe("query($n: Int) { ticker(first: $n) { headline } }", new { n = "many" })),
            ("since that is not a sequence", HostileFrames.Subscribe("subscription { tickerChanged(since: \"'; DROP TABLE content_events; --\") { kind } }")),
            ("injection-flavoured slug", HostileFrames.Subscribe("{ tag(slug: \"x' OR 1=1 --\") { name } }")),
            ("unknown field", HostileFrames.Subscribe("subscription { everything { secrets } }")),
            ("two subscription root fields", HostileFrames.Subscribe("subscription { tickerChanged { kind } articlePublished { slug } }")),
            ("operation name that names nothing", HostileFrames.Text("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"query A { __typename }\",\"operationName\":\"B\"}}")),
        };
        foreach (var (name, frames) in cases)
        {
            yield return new TestCaseData(frames).SetName("Hostile WebSocket: " + name);
        }
    }

    [TestCaseSource(nameof(Corpus))]
    [CancelAfter(30_000)]
    public async Task Gets_a_coded_error_or_a_protocol_close_and_the_server_serves_others(HostileFrames hostile)
    {
        await using (var client = hostile.Init ? await GraphQLWebSocketClient.ConnectAndInitAsync(Factory) : await GraphQLWebSocketClient.ConnectAsync(Factory))
        {
            try
            {
                foreach (var (bytes, type, end) in hostile.Frames)
                {
                    await client.SendFrameAsync(bytes, type, end);
                }

                // A ping after the frames: a connection still open answers it once it has dealt with them.
                await client.SendAsync(new { type = "ping" });
            }
            catch (WebSocketException)
            {
                // The server closed while the frames were still going out; what it closed with is checked below.
            }

            while (await client.ReceiveAsync() is { } message)
            {
                using (message)
                {
                    var root = message.RootElement;
                    var type = root.GetProperty("type").GetString();
                    if (type == "pong")
                    {
                        break;
                    }

                    var errors = type switch
                    {
                        "error" => [.. root.GetProperty("payload").EnumerateArray()],
                        "next" when root.GetProperty("payload").TryGetProperty("errors", out var list) => [.. list.EnumerateArray()],
                        _ => new List<JsonElement>(),
                    };
                    Assert.That(errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null),
                        Is.All.Not.Null.And.All.Not.EqualTo("INTERNAL_SERVER_ERROR"), root.GetRawText());
                }
            }

            if (client.CloseStatus is { } status)
            {
                Assert.That((int)status, Is.Not.EqualTo(4500).And.Not.EqualTo(1011), client.CloseReason);
                Assert.That((int)status, Is.InRange(4400, 4499).Or.EqualTo(1007).Or.EqualTo(1009).Or.EqualTo(1002).Or.EqualTo(1003), client.CloseReason);
            }
        }

        await using var other = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory);
        await other.SubscribeAsync("ok", "{ __typename }");
        using var answer = await other.ReceiveAsync();
        Assert.That(answer!.RootElement.GetProperty("type").GetString(), Is.EqualTo("next"));
    }

    [Test]
    public void The_corpus_has_over_30_websocket_cases() => Assert.That(Corpus().Count(), Is.GreaterThan(30));
}
