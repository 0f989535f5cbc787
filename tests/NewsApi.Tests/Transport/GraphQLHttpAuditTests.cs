using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Transport;

/// <summary>
/// The ecosystem's own conformance suite (the graphql-http package's auditServer) against the real server started
/// as a process on a loopback port: every MUST and SHOULD audit must pass.
/// </summary>
[NonParallelizable]
public sealed partial class GraphQLHttpAuditTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Test]
    [CancelAfter(300_000)]
    public async Task Every_must_and_should_audit_of_graphql_http_passes(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
            Environment = { ["CONFIGURATION"] = Configuration, ["AUDIT_SKIP_BUILD"] = "1" },
        };
        start.ArgumentList.Add("scripts/graphql-http-audit.sh");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var log = await output + "\n" + await error;

        var counts = AuditCount().Matches(log).ToDictionary(m => m.Groups["level"].Value, m => (Passed: int.Parse(m.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture), Total: int.Parse(m.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(process.ExitCode, Is.Zero, log);
        Assert.That(counts.Keys, Is.SupersetOf(new[] { "MUST", "SHOULD" }), log);
        Assert.That(counts["MUST"].Passed, Is.EqualTo(counts["MUST"].Total).And.GreaterThan(0), log);
        Assert.That(counts["SHOULD"].Passed, Is.EqualTo(counts["SHOULD"].Total).And.GreaterThan(0), log);
        TestContext.Out.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key} {c.Value.Passed}/{c.Value.Total}")));
    }

    [GeneratedRegex(@"^(?<level>MUST|SHOULD|MAY) (?<passed>\d+)/(?<total>\d+)$", RegexOptions.Multiline)]
    private static partial Regex AuditCount();
}
