using System.Text.RegularExpressions;

namespace Helpdesk.Domain.Common;

/// <summary>
/// Masks every valid CPF or CNPJ written inside free text (a requester typing "meu CPF é 123.456.789-09"), for roles
/// that must not see full tax ids. Only numbers whose check digits are valid are masked, so that protocol numbers,
/// phone numbers and dates are left alone.
/// </summary>
public static partial class TaxIdRedaction
{
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Candidates().Replace(text, m => TaxId.TryParse(m.Value, out var id, out _) ? id.Masked : m.Value);
    }

    public static string? MaskOptional(string? text) => text is null ? null : Mask(text);

    // CNPJ first (longer), then CPF; digit runs are bounded so that longer numbers are not cut in the middle.
    // No match timeout: every attempt reads at most 18 characters after a one-character look-behind, so the scan is
    // linear in the text; a timeout could only fire when the machine is starved of CPU and would turn a read into a 500.
    [GeneratedRegex(@"(?<![\w.\-/])(?:\d{2}\.?\d{3}\.?\d{3}/?\d{4}-?\d{2}|\d{3}\.?\d{3}\.?\d{3}-?\d{2})(?![\w/])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidates();
}
