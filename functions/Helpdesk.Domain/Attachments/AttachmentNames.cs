using System.Text;

namespace Helpdesk.Domain.Attachments;

/// <summary>
/// File names as they may be shown and sent: the sender's name (already decoded from RFC 2231 / RFC 2047) without any
/// path (only what follows the last <c>/</c> or <c>\</c>), without control or reserved characters, without leading or
/// trailing dots and spaces, at most <see cref="MaxLength"/> characters with its extension kept. A name that ends empty
/// becomes <c>anexo-{n}</c> with an extension from the content type. The result is a name, never a path: the content
/// is stored by its SHA-256, so a name cannot address anything.
/// </summary>
public static class AttachmentNames
{
    public const int MaxLength = 180;

    private static readonly char[] Reserved = ['<', '>', ':', '"', '|', '?', '*', '/', '\\'];

    public static string Safe(string? name, string? contentType, int position)
    {
        var raw = name ?? string.Empty;
        var slash = raw.LastIndexOfAny(['/', '\\']);
        raw = slash >= 0 ? raw[(slash + 1)..] : raw;
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsControl(c) || Array.IndexOf(Reserved, c) >= 0 || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '_' : c);
        }

        var safe = builder.ToString().Trim().Trim('.', ' ');
        if (safe.Trim('_').Length == 0)
        {
            return "anexo-" + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ExtensionFor(contentType);
        }

        if (safe.Length > MaxLength)
        {
            var extension = Extension(safe);
            var keep = extension.Length < 20 ? extension : string.Empty;
            safe = safe[..(MaxLength - keep.Length)].TrimEnd('.', ' ') + keep;
        }

        return safe;
    }

    /// <summary>The extension of <paramref name="name"/> in lower case with its dot (<c>.pdf</c>), or empty.</summary>
    public static string Extension(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? string.Empty : name[dot..].ToLowerInvariant();
    }

    private static string ExtensionFor(string? contentType) => (contentType ?? string.Empty).ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "application/pdf" => ".pdf",
        "text/plain" => ".txt",
        "text/html" => ".html",
        "message/rfc822" => ".eml",
        _ => ".bin",
    };
}
