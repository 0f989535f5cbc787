using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// Listens on a loopback port and pipes every connection to another: a database that "comes up" on a port the
/// server was already configured with, without touching the real server.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private readonly ConcurrentBag<Task> pipes = [];

    private TcpForwarder(int port, int targetPort)
    {
        this.targetPort = targetPort;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        accepting = AcceptAsync();
    }

    public static TcpForwarder Start(int port, int targetPort) => new(port, targetPort);

    /// <summary>A loopback port nobody listens on (until someone starts a forwarder there).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            pipes.Add(PipeAsync(client));
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
                var a = client.GetStream();
                var b = target.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, stopping.Token), b.CopyToAsync(a, stopping.Token));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // A side closed: the other goes with it.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        // The pipes use the token until they end: it is disposed only after them.
        await Task.WhenAll(pipes);
        stopping.Dispose();
    }
}
