using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsApi.Data;
using NewsApi.Features.Articles;
using NewsApi.Features.Tickers;
using NewsApi.Graph;

namespace NewsApi.Features.Import;

/// <summary>
/// <c>import FILE [--source-url URL]</c>: reads a text or HTML page (HTML when the name ends in .html/.htm or the
/// text starts with '&lt;') and creates its article and ticker items as drafts. Exit codes: 0 imported, 1 the
/// content failed validation, 2 bad arguments or a page that does not parse, 3 already imported (nothing written),
/// 4 the database failed during the write (nothing written).
/// </summary>
public static class ImportCommand
{
    public const string Name = "import";

    public const string SourceUrlOption = "--source-url";

    public const string Usage = "usage: import FILE [--source-url URL]";

    /// <summary>The arguments left for configuration (e.g. --provider Postgres): all but the file and --source-url URL.</summary>
    public static IEnumerable<string> ConfigurationArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.Skip(1).ToList();
        if (rest.Count > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            rest.RemoveAt(0);
        }

        var source = rest.IndexOf(SourceUrlOption);
        if (source >= 0)
        {
            rest.RemoveRange(source, Math.Min(2, rest.Count - source));
        }

        return rest;
    }

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var file = args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : null;
        var sourceIndex = args.ToList().IndexOf(SourceUrlOption);
        var sourceUrl = sourceIndex >= 0 && sourceIndex + 1 < args.Count ? args[sourceIndex + 1] : null;
        if (file is null || (sourceIndex >= 0 && (sourceUrl is null || !Uri.TryCreate(sourceUrl, UriKind.Absolute, out _))))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        NewsPage page;
        try
        {
            // Strict UTF-8: a page in another encoding is refused rather than imported as mojibake.
            var text = await File.ReadAllTextAsync(file, new UTF8Encoding(false, true), cancellationToken);
            var html = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('<');
            page = html ? NewsPage.ParseHtml(text) : NewsPage.Parse(text);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or FormatException or DecoderFallbackException)
        {
            await error.WriteLineAsync($"Cannot import {file}: {failure.Message}");
            return 2;
        }

        await using (var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        ImportResult result;
        try
        {
            result = await scope.ServiceProvider.GetRequiredService<PageImporter>().ImportAsync(page, sourceUrl, cancellationToken);
        }
        catch (Exception failure) when (failure is DbException or DbUpdateException or DatabaseUnavailableException)
        {
            // The import is one transaction, so a failure midway took all of it back: running it again is safe.
            await error.WriteLineAsync($"Import failed, nothing was written: {failure.GetBaseException().Message}");
            return 4;
        }

        if (result.Refusal is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return 3;
        }

        if (!result.Succeeded)
        {
            foreach (var problem in result.UserErrors)
            {
                await error.WriteLineAsync($"{problem.Code} {string.Join('.', problem.Field ?? [])}: {problem.Message}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Imported as drafts for review, by '{PageImporter.Importer.KeyName}':");
        await output.WriteLineAsync($"{GlobalId.Encode(ArticleGraphType.TypeName, result.Article!.Id)}\tDRAFT\t{result.Article.Slug}");
        foreach (var item in result.TickerItems)
        {
            await output.WriteLineAsync($"{GlobalId.Encode(TickerItemGraphType.TypeName, item.Id)}\toff air\t{item.Headline}");
        }

        return 0;
    }
}
