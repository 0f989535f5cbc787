namespace NewsApi.Features.PersistedDocuments;

/// <summary>Trusted documents and automatic persisted queries, from <c>PersistedDocuments</c>.</summary>
public sealed class PersistedDocumentsOptions
{
    public const string SectionName = "PersistedDocuments";

    /// <summary>The folder of <c>.graphql</c> files registered as trusted documents at start-up; relative to the content root.</summary>
    public string Folder { get; set; } = "PersistedDocuments";

    /// <summary>Anonymous callers may send only trusted documents (off by default: the public read API stays open).</summary>
    public bool AnonymousTrustedOnly { get; set; }

    /// <summary>Total characters of query text kept for automatic persisted queries; past it the least used are evicted.</summary>
    public long AutomaticQueryCacheSize { get; set; } = 8 * 1024 * 1024;
}
