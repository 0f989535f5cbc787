using System.Diagnostics;

namespace NewsApi.Tests.Infrastructure;

/// <summary>The Node.js clients in tests/audit (graphql-ws, playwright-core, the graphql-http audit), run as processes.</summary>
public static class EcosystemClients
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "audit");

    /// <summary>Installs the folder's locked npm packages unless <paramref name="package"/> is already there.</summary>
    public static async Task EnsureInstalledAsync(string package, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", package)))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], cancellationToken);
        }
    }

    /// <summary>Runs a program in the clients' folder and returns its output; a non-zero exit fails the test with both streams.</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(program, arguments);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)}\n{await output}\n{await error}");
        return await output;
    }

    /// <summary>Starts a program in the clients' folder with its output streams redirected.</summary>
    public static Process Start(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
    }
}
