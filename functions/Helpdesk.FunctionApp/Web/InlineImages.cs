using System.Text.RegularExpressions;
using Helpdesk.Domain.Attachments;

namespace Helpdesk.FunctionApp.Web;

/// <summary>Points a message's <c>cid:</c> references (RFC 2392) at links to its kept inline parts, before the HTML is
/// sanitized (the sanitizer keeps only http, https and mailto URLs, so an unmatched <c>cid:</c> is dropped).</summary>
public static partial class InlineImages
{
    public static string Rewrite(string html, IReadOnlyList<AttachmentRef> files, Func<AttachmentRef, string> linkFor)
    {
        ArgumentNullException.ThrowIfNull(linkFor);
        if (string.IsNullOrEmpty(html) || files is null || files.Count == 0)
        {
            return html ?? string.Empty;
        }

        return CidReference().Replace(html, match =>
        {
            var contentId = Uri.UnescapeDataString(match.Groups["id"].Value);
            var file = files.FirstOrDefault(f => f.ContentId is { } id && string.Equals(id, contentId, StringComparison.OrdinalIgnoreCase));
            return file is null ? match.Value : linkFor(file);
        });
    }

    [GeneratedRegex("cid:(?<id>[^\"'\\s)>]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CidReference();
}
