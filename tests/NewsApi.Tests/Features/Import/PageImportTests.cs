using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data.Entities;
using NewsApi.Tests.Infrastructure;

namespace NewsApi.Tests.Features.Import;

/// <summary>`import FILE`, run as the built binary against an empty store of each kind (no sample content seeded).</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class PageImportTests(TestStore store) : StoreFixture(store)
{
    private const string ArticleNode = """
        query($id: ID!) { node: article(id: $id) { status headline standfirst source { name url }
          body { __typename ... on ParagraphBlock { text } ... on QuoteBlock { text attribution } } } }
        """;

    private const string TickerNode = "query($id: ID!) { node: tickerItem(id: $id) { headline excerpt } }";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedSampleContent"] = "false" };

    private static string SamplePath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Samples", "news-page.ar.txt");

    [Test]
    [Order(1)]
    public async Task Importing_the_sample_page_creates_its_five_ticker_items_and_its_article_as_drafts_for_editors_only()
    {
        var (exitCode, output, error) = await RunAsync("import", SamplePath, "--source-url", "https://news.example/ar/quartet");

        Assert.That(exitCode, Is.Zero, error);
        var ids = output.Split('\n').Where(l => l.Contains('\t')).Select(l => l.Split('\t')[0]).ToList();
        Assert.That(ids, Has.Count.EqualTo(6), output);

        await using (var db = await CreateDbContextAsync())
        {
            Assert.That(await db.Articles.CountAsync(), Is.EqualTo(1));
            Assert.That(await db.TickerItems.CountAsync(), Is.EqualTo(5));
            Assert.That(await db.Articles.Select(a => a.Status).SingleAsync(), Is.EqualTo(ArticleStatus.Draft));
        }

        // Anonymous readers see nothing of it: no article, no ticker item, not even by ID.
        var anonymous = await Client.PostAsync("{ articles(first: 10) { nodes { id } } ticker(first: 10) { id } }");
        Assert.That(anonymous.Errors, Is.Empty, anonymous.Body);
        Assert.That(anonymous.Data.GetProperty("articles").GetProperty("nodes").GetArrayLength(), Is.Zero);
        Assert.That(anonymous.Data.GetProperty("ticker").GetArrayLength(), Is.Zero);
        var article0 = await Client.PostAsync(ArticleNode, new { id = ids[0] });
        Assert.That(article0.Data.GetProperty("node").ValueKind, Is.EqualTo(JsonValueKind.Null));
        foreach (var id in ids)
        {
            var node = await Client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
            Assert.That(node.Data.GetProperty("node").ValueKind, Is.EqualTo(JsonValueKind.Null), id);
        }

        foreach (var id in ids.Skip(1))
        {
            var item = await Client.PostAsync(TickerNode, new { id });
            Assert.That(item.Data.GetProperty("node").ValueKind, Is.EqualTo(JsonValueKind.Null), id);
        }

        // Editors see the draft article, byte for byte, with the quote the page reports.
        var editor = await ClientAsAsync(ApiRole.Editor);
        var article = (await editor.PostAsync(ArticleNode, new { id = ids[0] })).Data.GetProperty("node");
        Assert.That(article.GetProperty("status").GetString(), Is.EqualTo("DRAFT"));
        Assert.That(article.GetProperty("headline").GetString(), Is.EqualTo("سيبدأ اجتماعاته قريباً.. تشكيل تحالف رباعي يضم العراق وسوريا وتركيا والأردن"));
        Assert.That(article.GetProperty("source").GetProperty("name").GetString(), Is.EqualTo("الشرق الأوسط"));
        Assert.That(article.GetProperty("source").GetProperty("url").GetString(), Is.EqualTo("https://news.example/ar/quartet"));
        var body = article.GetProperty("body").EnumerateArray().ToList();
        var paragraphs = body.Where(b => b.GetProperty("__typename").GetString() == "ParagraphBlock").Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.That(paragraphs, Is.EqualTo(SamplePageText.ArticleParagraphs.Select(p => p.Trim())));
        Assert.That(paragraphs, Has.Count.EqualTo(8));
        var quotes = body.Where(b => b.GetProperty("__typename").GetString() == "QuoteBlock").ToList();
        Assert.That(quotes, Has.Count.EqualTo(1));
        Assert.That(quotes[0].GetProperty("text").GetString(), Is.EqualTo("العراق وتركيا وسوريا والأردن، اتفقوا على آلية للتعاون المشترك ضد تنظيم داعش الإرهابي، ووحدات حماية الشعب الكردية"));
        Assert.That(quotes[0].GetProperty("attribution").GetString(), Is.EqualTo("مصادر دبلوماسية تركية، نقلتها صحيفة الشرق الأوسط"));
        Assert.That(body[2].GetProperty("__typename").GetString(), Is.EqualTo("QuoteBlock"), "the quote follows the paragraph that reports it");

        // ...and the five ticker items, in the page's order, held off air.
        var expected = SampleTicker();
        for (var i = 0; i < 5; i++)
        {
            var item = (await editor.PostAsync(TickerNode, new { id = ids[i + 1] })).Data.GetProperty("node");
            Assert.That((item.GetProperty("headline").GetString(), item.GetProperty("excerpt").GetString()), Is.EqualTo(expected[i]));
        }

        Assert.That(expected[0].Headline, Is.EqualTo("الكعبي: يجب إخراج القوات الأمريكية من العراق.. الهجوم على إيران لن يمر دون حساب"));
        Assert.That(expected[4].Excerpt, Is.EqualTo("حث مجلس الأمن القومي الإسرائيلي، الإسرائيليين في دول العالم،..."));
    }

    [Test]
    [Order(2)]
    public async Task Every_imported_object_has_an_audit_entry_with_the_importer_as_actor()
    {
        await RunAsync("import", SamplePath);

        var log = await (await ClientAsAsync(ApiRole.Admin)).PostAsync("{ auditLog(first: 100) { nodes { actorName actorRole operation outcome } } }");

        var entries = log.Data.GetProperty("auditLog").GetProperty("nodes").EnumerateArray()
            .Where(e => e.GetProperty("actorName").GetString() == "importer")
            .Select(e => $"{e.GetProperty("operation").GetString()} {e.GetProperty("actorRole").GetString()} {e.GetProperty("outcome").GetString()}")
            .ToList();
        Assert.That(entries.Count(e => e == "createArticle editor ok"), Is.EqualTo(1));
        Assert.That(entries.Count(e => e == "createTickerItem editor ok"), Is.EqualTo(5));
    }

    [Test]
    [Order(3)]
    public async Task Importing_the_same_page_again_is_refused_and_writes_nothing()
    {
        await RunAsync("import", SamplePath);
        var before = await StoreFingerprintAsync();

        var (exitCode, _, error) = await RunAsync("import", SamplePath);

        Assert.That(exitCode, Is.EqualTo(3));
        Assert.That(error, Does.Contain("Already imported"));
        Assert.That(await StoreFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    [Order(4)]
    public async Task An_html_page_gives_paragraphs_from_p_and_quotes_from_blockquote()
    {
        var file = Path.Combine(Path.GetTempPath(), $"newsapi-import-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, """
            <!doctype html>
            <html lang="ar" dir="rtl"><head><title>صفحة</title><style>p { color: red }</style></head>
            <body>
              <nav><ul><li>اخر الاخبار</li></ul></nav>
              <ul class="ticker">
                <li><a href="/1">عاجل: انطلاق قمة بغداد &amp; عمّان</a></li>
                <li><p>انطلقت اليوم أعمال القمة في...</p></li>
              </ul>
              <h2>ذات صلة</h2>
              <h1>قمة بغداد تبحث التعاون الإقليمي</h1>
              <div class="share">شارك على مواقع التواصل</div>
              <script>var x = "<p>not text</p>";</script>
              <p>بدأت في بغداد،   اليوم، أعمال <strong>القمة</strong> الإقليمية.</p>
              <blockquote><p>التعاون هو الطريق الوحيد</p><cite>— وزير الخارجية</cite></blockquote>
              <p>ويستمر الاجتماع يومين.<br>ويختتم ببيان مشترك.</p>
            </body></html>
            """);
        try
        {
            var (exitCode, output, error) = await RunAsync("import", file);

            Assert.That(exitCode, Is.Zero, error);
            var ids = output.Split('\n').Where(l => l.Contains('\t')).Select(l => l.Split('\t')[0]).ToList();
            var editor = await ClientAsAsync(ApiRole.Editor);
            var article = (await editor.PostAsync(ArticleNode, new { id = ids[0] })).Data.GetProperty("node");
            Assert.That(article.GetProperty("headline").GetString(), Is.EqualTo("قمة بغداد تبحث التعاون الإقليمي"));
            var blocks = article.GetProperty("body").EnumerateArray()
                .Select(b => $"{b.GetProperty("__typename").GetString()}|{b.GetProperty("text").GetString()}|{(b.TryGetProperty("attribution", out var a) ? a.GetString() : null)}")
                .ToList();
            Assert.That(blocks, Is.EqualTo(new[]
            {
                "ParagraphBlock|بدأت في بغداد، اليوم، أعمال القمة الإقليمية.|",
                "QuoteBlock|التعاون هو الطريق الوحيد|وزير الخارجية",
                "ParagraphBlock|ويستمر الاجتماع يومين.|",
                "ParagraphBlock|ويختتم ببيان مشترك.|",
            }));
            var item = (await editor.PostAsync(TickerNode, new { id = ids[1] })).Data.GetProperty("node");
            Assert.That(item.GetProperty("headline").GetString(), Is.EqualTo("عاجل: انطلاق قمة بغداد & عمّان"));
            Assert.That(item.GetProperty("excerpt").GetString(), Is.EqualTo("انطلقت اليوم أعمال القمة في..."));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task A_file_that_is_not_such_a_page_is_refused_with_usage_exit_code()
    {
        var file = Path.Combine(Path.GetTempPath(), $"newsapi-import-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "مجرد نص بلا شريط أخبار");
        try
        {
            var (exitCode, _, error) = await RunAsync("import", file);

            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("not found"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<(string Headline, string Excerpt)> SampleTicker()
    {
        var lines = SamplePageText.Lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var block = lines[(lines.IndexOf("اخر الاخبار") + 1)..lines.IndexOf("ذات صلة")];
        return [.. block.Chunk(2).Select(pair => (pair[0], pair[1]))];
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
