using System.Diagnostics;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Security;

/// <summary>`keys create|list|revoke`, run as the built binary against the fixture's store.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class KeyCommandTests(TestStore store) : StoreFixture(store)
{
    private const string DraftList = "{ articles(first: 1, where: { status: [DRAFT] }) { nodes { slug } } }";

    [Test]
    public async Task Keys_create_prints_a_key_on_its_last_line_that_then_authorises_a_mutation()
    {
        var (exitCode, output, error) = await RunAsync("keys", "create", "--name", "cli-editor", "--role", "editor");

        Assert.That(exitCode, Is.Zero, error);
        var key = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.That(key, Does.StartWith("nwk_").And.Length.GreaterThan(40));

        var response = await ClientWithKey(key).PostAsync("mutation { createArticle(input: { headline: \"خبر بمفتاح من سطر الأوامر\" }) { article { status } userErrors { code } } }");
        Assert.That(response.Errors, Is.Empty, response.Body);
        Assert.That(response.Data.GetProperty("createArticle").GetProperty("article").GetProperty("status").GetString(), Is.EqualTo("DRAFT"));
    }

    [Test]
    public async Task Keys_create_with_trusted_documents_only_and_origins_limits_the_key_and_list_shows_it()
    {
        var (exitCode, output, error) = await RunAsync("keys", "create", "--name", "cli-allowlisted", "--role", "partner",
            "--trusted-documents-only", "--origin", "https://Partner.example/", "--origin", "http://localhost:8080");
        Assert.That(exitCode, Is.Zero, error);
        var key = output.TrimEnd().Split('\n')[^1].Trim();

        var freeForm = await ClientWithKey(key).PostAsync("{ ticker { headline } }");
        var (_, list, _) = await RunAsync("keys", "list");

        Assert.That(freeForm.ErrorCodes, Is.EqualTo(new[] { "PERSISTED_DOCUMENT_REQUIRED" }));
        var line = list.Split('\n').Single(l => l.StartsWith("cli-allowlisted\t", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("\tyes\t").And.Contain("https://partner.example http://localhost:8080"));
    }

    [Test]
    public async Task Keys_create_refuses_an_origin_that_is_not_one()
    {
        var (exitCode, _, error) = await RunAsync("keys", "create", "--name", "cli-bad-origin", "--role", "partner", "--origin", "https://partner.example/path");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("is not an origin"));
    }

    [Test]
    public async Task Keys_list_shows_names_roles_and_prefixes_but_never_the_key()
    {
        var (_, created, _) = await RunAsync("keys", "create", "--name", "cli-partner", "--role", "partner");
        var key = created.TrimEnd().Split('\n')[^1].Trim();

        var (exitCode, output, error) = await RunAsync("keys", "list");

        Assert.That(exitCode, Is.Zero, error);
        var line = output.Split('\n').Single(l => l.StartsWith("cli-partner\t", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("\tpartner\t").And.Contain(key[..12]));
        Assert.That(output, Does.Not.Contain(key));
    }

    [Test]
    public async Task Keys_revoke_stops_a_key_from_working()
    {
        var (_, created, _) = await RunAsync("keys", "create", "--name", "cli-revoked", "--role", "editor");
        var key = created.TrimEnd().Split('\n')[^1].Trim();

        var (exitCode, _, error) = await RunAsync("keys", "revoke", "--name", "cli-revoked");

        Assert.That(exitCode, Is.Zero, error);
        var response = await ClientWithKey(key).PostAsync(DraftList);
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "FORBIDDEN" }));
    }

    [TestCase("create", "--name", "no-role")]
    [TestCase("create", "--name", "bad-role", "--role", "owner")]
    [TestCase("revoke")]
    [TestCase("rotate")]
    public async Task Keys_with_bad_arguments_print_usage_and_fail(params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(["keys", .. args]);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("usage: keys"));
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = Store.ToString();
        start.Environment["ConnectionStrings__News"] = Factory.ConnectionString;
        start.Environment["Database__SeedSampleContent"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
