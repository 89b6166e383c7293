using System.Text.RegularExpressions;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Common;

/// <summary>
/// Masks every e-mail address written inside free text ("escreva para ana.souza@ifrs.edu.br") as
/// <see cref="EmailAddress.Masked"/> does (<c>a***@ifrs.edu.br</c>), for roles that must not see requester addresses.
/// </summary>
public static partial class EmailRedaction
{
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('@', StringComparison.Ordinal)
            ? Candidates().Replace(text, m => EmailAddress.TryParse(m.Value, out var address, out _) ? address.Masked() : m.Value)
            : text;
    }

    // A local part and a dotted domain; linear (no nested quantifiers over the same characters), so no match timeout
    // (see TaxIdRedaction for why a timeout would do harm here).
    [GeneratedRegex(@"[\w.!#$%&'*+\-=?^`{|}~]+@[\w\-]+(?:\.[\w\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Candidates();
}
