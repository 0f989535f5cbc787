using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsApi.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: its own data directory and port, started from the installed
/// binaries and removed afterwards, so the tests never touch a system cluster. NEWSAPI_TEST_POSTGRES (a connection
/// string) points the run at an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? directory;
    private readonly string? binaries;
    private readonly string adminConnectionString;

    private PostgresServer(string adminConnectionString, string? directory, string? binaries)
    {
        this.adminConnectionString = adminConnectionString;
        this.directory = directory;
        this.binaries = binaries;
    }

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("NEWSAPI_TEST_POSTGRES") is { Length: > 0 } existing)
        {
            return new PostgresServer(existing, null, null);
        }

        var binaries = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), "newsapi-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        if (RunsAsRoot)
        {
            // initdb and pg_ctl refuse to run as root: the cluster belongs to the postgres user.
            await RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        try
        {
            return await StartClusterAsync(binaries, directory, data);
        }
        catch
        {
            // A cluster that did not start leaves nothing behind.
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private static async Task<PostgresServer> StartClusterAsync(string binaries, string directory, string data)
    {
        await RunPostgresToolAsync(binaries, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var port = FreePort();
        var options = string.Join(' ',
            $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {directory}",
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=200");
        await RunPostgresToolAsync(binaries, "pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o", options, "start"]);

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
        return new PostgresServer(connectionString, directory, binaries);
    }

    /// <summary>Whether the installed PostgreSQL can make streaming replicas (pg_basebackup is there).</summary>
    public static bool CanReplicate =>
        Environment.GetEnvironmentVariable("NEWSAPI_PG_BIN") is { Length: > 0 } configured
            ? File.Exists(Path.Combine(configured, "pg_basebackup"))
            : Directory.Exists("/usr/lib/postgresql")
                && Directory.GetDirectories("/usr/lib/postgresql").Any(version => File.Exists(Path.Combine(version, "bin", "pg_basebackup")));

    /// <summary>A cluster of the caller's own, never the shared one NEWSAPI_TEST_POSTGRES may name: it is going to be replicated.</summary>
    public static async Task<PostgresServer> StartOwnAsync()
    {
        var binaries = FindBinaries();
        var directory = NewDirectory();
        try
        {
            return await StartClusterAsync(binaries, directory, Path.Combine(directory, "data"));
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public string AdminConnectionString => adminConnectionString;

    public int Port => new NpgsqlConnectionStringBuilder(adminConnectionString).Port;

    /// <summary>
    /// A hot-standby streaming replica of this cluster (pg_basebackup -R: it follows this one's WAL from the
    /// moment of the copy), on a port of its own. initdb's default pg_hba lets 127.0.0.1 replicate, and the default
    /// wal_level (replica) is enough.
    /// </summary>
    public async Task<PostgresServer> StartReplicaAsync()
    {
        var tools = binaries ?? throw new InvalidOperationException("Only a cluster this run started can be replicated.");
        var replicaDirectory = NewDirectory();
        var data = Path.Combine(replicaDirectory, "data");
        try
        {
            await RunPostgresToolAsync(tools, "pg_basebackup", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
                "-U", "postgres", "-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync"]);
            var port = FreePort();
            var options = string.Join(' ',
                $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                $"-k {replicaDirectory}",
                "-c listen_addresses=127.0.0.1",
                "-c fsync=off -c hot_standby=on -c max_connections=200");
            await RunPostgresToolAsync(tools, "pg_ctl", ["-D", data, "-l", Path.Combine(replicaDirectory, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
            var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Port = port }.ConnectionString;
            return new PostgresServer(connectionString, replicaDirectory, tools);
        }
        catch
        {
            Directory.Delete(replicaDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Waits until <paramref name="replica"/> has replayed everything this primary has written so far.</summary>
    public async Task WaitForReplayAsync(PostgresServer replica)
    {
        string target;
        await using (var primary = new NpgsqlConnection(adminConnectionString))
        {
            await primary.OpenAsync();
            // The insert position, not the write one: with synchronous_commit off a commit is inserted before it is written.
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()::text", primary);
            target = (string)(await command.ExecuteScalarAsync())!;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var standby = new NpgsqlConnection(replica.adminConnectionString);
        await standby.OpenAsync(timeout.Token);
        await using var caughtUp = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= @target::pg_lsn", standby);
        caughtUp.Parameters.AddWithValue("target", target);
        while (!(bool)(await caughtUp.ExecuteScalarAsync(timeout.Token))!)
        {
            // Replay has no notification to wait on; the standby is asked again shortly.
            await Task.Delay(20, timeout.Token);
        }
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "newsapi-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (RunsAsRoot)
        {
            // initdb, pg_basebackup and pg_ctl refuse to run as root: the cluster belongs to the postgres user.
            RunAsync("chown", ["-R", "postgres:postgres", directory]).GetAwaiter().GetResult();
        }

        return directory;
    }

    /// <summary>A new, empty database for one fixture: fixtures never see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "news_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (directory is null || binaries is null)
        {
            return;
        }

        await RunPostgresToolAsync(binaries, "pg_ctl", ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(directory, recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("NEWSAPI_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: install the postgresql package (.ci/run does), " +
            "set NEWSAPI_PG_BIN to their folder, or NEWSAPI_TEST_POSTGRES to a server's connection string.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPostgresToolAsync(string binaries, string tool, IReadOnlyList<string> arguments) =>
        RunsAsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binaries, tool), .. arguments])
            : RunAsync(Path.Combine(binaries, tool), arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
