using System.Security.Cryptography;
using System.Text;

namespace ImageLab.Data.Security;

/// <summary>New API tokens (<c>il_</c> + 43 characters of base64url randomness) and the SHA-256 hash that is all the database keeps.</summary>
public static class ApiTokenText
{
    public const string Prefix = "il_";

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }
}
