using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsApi.Graph;

/// <summary>
/// Keyset cursors: the sort key of an edge, tagged with the connection kind that issued it so a cursor from
/// another connection is refused instead of silently paging from a wrong place. Opaque to clients (base64url).
/// </summary>
public static class CursorCodec
{
    private const char Separator = '\u001F';

    public static string Encode(string kind, params ReadOnlySpan<string> parts)
    {
        var builder = new StringBuilder(kind);
        foreach (var part in parts)
        {
            builder.Append(Separator).Append(part);
        }

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    public static string[] Decode(string kind, string cursor, int partCount)
    {
        string text;
        try
        {
            text = cursor.Length <= 2048 ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)) : string.Empty;
        }
        catch (FormatException)
        {
            text = string.Empty;
        }

        var parts = text.Split(Separator);
        if (parts.Length != partCount + 1 || parts[0] != kind)
        {
            throw new ApiError(ErrorCodes.InvalidCursor, $"The cursor '{GlobalId.Truncate(cursor)}' was not issued by this connection. Use a cursor from its pageInfo or edges.");
        }

        return parts[1..];
    }

    public static string EncodeTime(DateTime value) => value.Ticks.ToString(CultureInfo.InvariantCulture);

    public static DateTime DecodeTime(string kind, string cursor, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : throw new ApiError(ErrorCodes.InvalidCursor, $"The cursor '{GlobalId.Truncate(cursor)}' is damaged.");

    public static int DecodeId(string cursor, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ApiError(ErrorCodes.InvalidCursor, $"The cursor '{GlobalId.Truncate(cursor)}' is damaged.");
}
