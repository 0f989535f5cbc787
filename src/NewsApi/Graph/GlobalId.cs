using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsApi.Graph;

/// <summary>
/// Opaque, globally unique object IDs (Relay global object identification): base64url of "Type:id".
/// Clients must treat them as opaque; the encoding lets node(id) find the type without a lookup table.
/// </summary>
public static class GlobalId
{
    public static string Encode(string typeName, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{typeName}:{id}")));

    public static bool TryDecode(string? globalId, out string typeName, out int id)
    {
        typeName = string.Empty;
        id = 0;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(globalId);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id) || id <= 0)
        {
            return false;
        }

        typeName = text[..colon];
        return true;
    }

    /// <summary>The database id behind a global ID of the expected type, or an INVALID_ID error.</summary>
    public static int Expect(string typeName, string globalId) =>
        TryDecode(globalId, out var actualType, out var id) && actualType == typeName
            ? id
            : throw new ApiError(ErrorCodes.InvalidId, $"'{Truncate(globalId)}' is not a valid {typeName} ID.");

    internal static string Truncate(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
