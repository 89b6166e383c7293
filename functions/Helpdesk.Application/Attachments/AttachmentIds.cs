using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Application.Attachments;

/// <summary>Ids of files on a ticket: derived from the message id, the file's position in it and its SHA-256, so that the
/// same message read twice (a redelivery) names its files the same way.</summary>
public static class AttachmentIds
{
    public static string For(string messageId, int position, string sha256)
    {
        var text = string.Join('\n', messageId ?? string.Empty, position.ToString(System.Globalization.CultureInfo.InvariantCulture), sha256);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an attachment id (24 lower-case hex digits).</summary>
    public static bool IsWellFormed(string? id) => id is { Length: 24 } && id.All(char.IsAsciiHexDigitLower);
}
