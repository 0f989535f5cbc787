using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace NewsApi.Security;

/// <summary>Makes keys and the hashes they are stored as.</summary>
public static class ApiKeySecret
{
    /// <summary>Marks a string as one of our keys, so secret scanners and people recognise a leaked one.</summary>
    public const string Marker = "nwk_";

    public const int RandomBytes = 32;

    public const int PrefixLength = 12;

    public static (string Key, string Hash, string Prefix) Create()
    {
        var key = Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        return (key, Hash(key), key[..PrefixLength]);
    }

    /// <summary>
    /// A plain SHA-256 is enough: the keys carry 256 random bits, so there is nothing for a slow hash to protect
    /// against, and authentication stays one indexed lookup per request.
    /// </summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
