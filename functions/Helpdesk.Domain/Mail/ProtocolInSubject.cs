using System.Text.RegularExpressions;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Mail;

/// <summary>Finds a protocol number quoted in a subject line, as in "Re: [Protocolo 20260000042] ...".</summary>
public static partial class ProtocolInSubject
{
    public static string Tag(ProtocolNumber protocol) => $"[Protocolo {protocol}]";

    public static ProtocolNumber? Find(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var match = TagPattern().Match(subject);
        return match.Success && ProtocolNumber.TryParse(match.Groups["p"].Value, out var protocol) ? protocol : null;
    }

    [GeneratedRegex(@"\[\s*(?:protocolo|protocol|chamado)\s*(?:n[º°o.]*\s*)?#?\s*(?<p>\d{11})\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex TagPattern();
}
