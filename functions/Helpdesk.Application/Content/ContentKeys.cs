using System.Security.Cryptography;

namespace Helpdesk.Application.Content;

/// <summary>Keys of content-addressed content (<c>sha256/{hex}</c>), shared by every <c>IContentStore</c> adapter.</summary>
public static class ContentKeys
{
    private const string Prefix = "sha256/";

    public static string For(ReadOnlySpan<byte> content) => Prefix + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The hex digest of a key; throws <see cref="ArgumentException"/> for anything that is not a key.</summary>
    public static string Digest(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hex = key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : string.Empty;
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigitLower) ? hex : throw new ArgumentException($"'{key}' is not a content key.", nameof(key));
    }

    /// <summary>Throws <see cref="InvalidDataException"/> unless <paramref name="content"/> is what <paramref name="key"/> names.</summary>
    public static byte[] Verified(string key, byte[] content) =>
        string.Equals(For(content), key, StringComparison.Ordinal) ? content : throw new InvalidDataException($"The content stored under {key} does not match its SHA-256.");
}
