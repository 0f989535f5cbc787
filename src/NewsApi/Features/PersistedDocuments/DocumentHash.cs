using System.Security.Cryptography;
using System.Text;

namespace NewsApi.Features.PersistedDocuments;

/// <summary>The SHA-256 of a document's UTF-8 text in lower-case hex: Apollo's sha256Hash and the hex of a <c>sha256:</c> document id.</summary>
public static class DocumentHash
{
    public static string Of(string document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>64 hex digits, either case (clients differ), compared in lower case.</summary>
    public static bool TryNormalize(string? hash, out string normalized)
    {
        normalized = hash?.ToLowerInvariant() ?? string.Empty;
        return normalized.Length == 64 && normalized.All(char.IsAsciiHexDigitLower);
    }
}
