using GraphQL;

namespace NewsApi.Features.PersistedDocuments;

/// <summary>How a request names a stored document instead of (or besides) sending its text.</summary>
internal static class PersistedDocumentRequest
{
    public const string TrustedIdPrefix = "sha256:";

    /// <summary>True when the request names a document (a trusted id or an APQ hash), so a missing query is not yet an error.</summary>
    public static bool Names(string? documentId, Inputs? extensions) =>
        !string.IsNullOrEmpty(documentId) || (extensions is not null && extensions.ContainsKey("persistedQuery"));

    /// <summary>
    /// Reads <c>extensions.persistedQuery</c>: null when absent; otherwise its hash, or the reason it cannot be used.
    /// </summary>
    public static (string? Hash, string? Problem, bool VersionProblem) ReadApq(Inputs? extensions)
    {
        if (extensions is null || !extensions.TryGetValue("persistedQuery", out var value) || value is null)
        {
            return (null, null, false);
        }

        if (value is not IReadOnlyDictionary<string, object?> persisted)
        {
            return (null, "extensions.persistedQuery must be an object { version: 1, sha256Hash }.", false);
        }

        if (!persisted.TryGetValue("version", out var version) || !IsOne(version))
        {
            return (null, "Only version 1 of extensions.persistedQuery is supported.", true);
        }

        if (!persisted.TryGetValue("sha256Hash", out var hash) || !DocumentHash.TryNormalize(hash as string, out var normalized))
        {
            return (null, "extensions.persistedQuery.sha256Hash must be the 64 hex digits of the query's SHA-256.", false);
        }

        return (normalized, null, false);
    }

    /// <summary>The hex of a <c>sha256:&lt;hex&gt;</c> document id, or null when the id has another shape.</summary>
    public static string? TrustedHash(string documentId) =>
        documentId.StartsWith(TrustedIdPrefix, StringComparison.OrdinalIgnoreCase)
        && DocumentHash.TryNormalize(documentId[TrustedIdPrefix.Length..], out var hash)
            ? hash
            : null;

    private static bool IsOne(object? version) => version switch
    {
        int i => i == 1,
        long l => l == 1,
        double d => d == 1,
        decimal m => m == 1,
        System.Numerics.BigInteger b => b.IsOne,
        _ => false,
    };
}
