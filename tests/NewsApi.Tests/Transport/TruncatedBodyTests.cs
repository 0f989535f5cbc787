using System.Net.Sockets;
using System.Text;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>Against Kestrel itself: the in-process test server never runs short of a body.</summary>
[NonParallelizable]
[TestFixture(TestStore.Sqlite)]
public sealed class TruncatedBodyTests(TestStore store) : StoreFixture(store)
{
    [Test]
    [CancelAfter(120_000)]
    public async Task A_body_that_stops_arriving_is_answered_408_timeout_not_a_server_fault(CancellationToken cancellationToken)
    {
        await using var server = await ServerProcess.StartAsync(Factory.ConnectionString);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port, cancellationToken);
        var stream = tcp.GetStream();
        const string partial = "{\"query\":\"{ ticker { headline } }\"";
        var head = $"POST /graphql HTTP/1.1\r\nHost: {server.Address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {partial.Length + 40}\r\n\r\n";

        // Forty bytes short, and then nothing: Kestrel's minimum data rate gives up after its grace period.
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head + partial), cancellationToken);
        var response = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0 && !response.ToString().Contains("}}", StringComparison.Ordinal))
        {
            response.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.That(response.ToString(), Does.StartWith("HTTP/1.1 408 "), response.ToString());
        Assert.That(response.ToString(), Does.Contain("\"TIMEOUT\"").And.Not.Contain("INTERNAL_SERVER_ERROR"), response.ToString());
        Assert.That(server.Output.Where(line => line.Contains("Unhandled exception", StringComparison.Ordinal)), Is.Empty);
    }
}
