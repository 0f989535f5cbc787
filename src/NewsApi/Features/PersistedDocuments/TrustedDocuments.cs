using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace NewsApi.Features.PersistedDocuments;

/// <summary>
/// The documents partner sites may send by id: every <c>.graphql</c> file of the configured folder, hashed once at
/// start-up. The hash covers the file's exact text (less a byte-order mark), so a build tool can compute the id offline.
/// </summary>
public sealed partial class TrustedDocuments
{
    private readonly FrozenDictionary<string, string> byHash;

    public TrustedDocuments(IOptions<PersistedDocumentsOptions> options, IHostEnvironment environment, ILogger<TrustedDocuments> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var folder = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);
        if (!Directory.Exists(folder))
        {
            // The output folder is preferred; a development run from the project folder still finds the sources.
            folder = Path.GetFullPath(options.Value.Folder, AppContext.BaseDirectory);
        }

        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.graphql", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file);
                var hash = DocumentHash.Of(text);
                documents[hash] = text;
                var name = Path.GetRelativePath(folder, file);
                LogRegistered(logger, name, hash);
            }
        }
        else
        {
            LogNoFolder(logger, folder);
        }

        byHash = documents.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => byHash.Count;

    public bool TryGet(string hash, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? document) =>
        byHash.TryGetValue(hash, out document);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Trusted document {File} registered as sha256:{Hash}")]
    private static partial void LogRegistered(ILogger logger, string file, string hash);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "No trusted-documents folder at {Folder}; only free-form queries and APQ are served")]
    private static partial void LogNoFolder(ILogger logger, string folder);
}
