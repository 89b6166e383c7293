using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Application.Survey;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.Web;

/// <summary>
/// Short-lived signed links to a message's inline images (<c>cid:</c>), for the sanitized mail frame: the frame is
/// sandboxed without <c>allow-same-origin</c>, so its requests carry no session cookie; the link itself is the
/// capability, like the survey links. <c>/api/tickets/{protocol}/attachments/{id}/inline?expires={unix}&amp;signature={hmac}</c>,
/// HMAC-SHA256 with the survey signing key under a purpose of its own, valid <see cref="Lifetime"/>.
/// </summary>
public sealed class InlineImageLinks(IOptions<SurveyOptions> options, TimeProvider clock)
{
    private const string Purpose = "helpdesk-inline-image-v1";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public string Create(string protocol, string attachmentId)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"/api/tickets/{Uri.EscapeDataString(protocol)}/attachments/{Uri.EscapeDataString(attachmentId)}/inline?expires={expires}&signature={Sign(protocol, attachmentId, expires)}";
    }

    public bool IsValid(string protocol, string attachmentId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) || signature is not { Length: 64 })
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(protocol, attachmentId, expires!));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)) && unix >= clock.GetUtcNow().ToUnixTimeSeconds();
    }

    private string Sign(string protocol, string attachmentId, string expires)
    {
        var key = Encoding.UTF8.GetBytes(Purpose + ":" + options.Value.SigningKey);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\n', protocol, attachmentId, expires))));
    }
}
