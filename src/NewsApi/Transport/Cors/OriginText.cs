namespace NewsApi.Transport.Cors;

/// <summary>An Origin as browsers send it: lower-case scheme://host, with the port only when it is not the scheme's default.</summary>
public static class OriginText
{
    public static string? Normalize(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin)
            || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.PathAndQuery is not ("/" or "") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }
}
