using System.Globalization;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Application.Privacy;

/// <summary>
/// What an erasure writes in place of a requester's personal data (docs/decisions/ADR-023): what people wrote (subjects,
/// names, bodies, notes, survey comments) becomes "[removido a pedido do titular em dd/MM/yyyy]" (or "[removido ao fim do
/// prazo de guarda em dd/MM/yyyy]"); staff's short texts keep their words with the person's name, e-mail addresses and
/// CPF/CNPJ removed; every address becomes one pseudonym of the person (<c>titular-…@anonimizado.invalid</c>), so that
/// the person's tickets still group together (reopenings) without naming them; the CPF/CNPJ is removed. Applying it to
/// data it already erased changes nothing.
/// </summary>
public static class RequesterErasure
{
    public const string PseudonymDomain = "anonimizado.invalid";
    private const string Removed = "[removido";

    public static bool IsPseudonym(string address) => address.EndsWith("@" + PseudonymDomain, StringComparison.OrdinalIgnoreCase);

    /// <summary>The rewrite for one person. <paramref name="pseudonymId"/> names the person's pseudonym (random, never
    /// derived from the address); <paramref name="name"/> is removed from staff texts when given.</summary>
    public static PersonalDataRewrite For(string basis, DateTimeOffset now, ContractClock clock, string pseudonymId, string? name)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var day = clock.LocalDate(now).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var placeholder = basis == PersonalDataErased.Retention
            ? $"[removido ao fim do prazo de guarda em {day}]"
            : $"[removido a pedido do titular em {day}]";
        var pseudonym = $"titular-{pseudonymId}@{PseudonymDomain}";
        return new PersonalDataRewrite(
            text => text.StartsWith(Removed, StringComparison.Ordinal) ? text : placeholder,
            text => Scrub(text, name),
            address => IsPseudonym(address) ? address : pseudonym,
            _ => null,
            KeepsFiles: false);
    }

    /// <summary>Staff text with the person's identifiers replaced by "[removido]".</summary>
    public static string Scrub(string text, string? name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scrubbed = Replace(TaxIdRedaction.Mask(text), MaskedTaxId());
        scrubbed = EmailRedaction.Mask(scrubbed);
        scrubbed = System.Text.RegularExpressions.Regex.Replace(scrubbed, @"[\w.!#$%&'*+\-=?^`{|}~]\*\*\*@[\w\-]+(?:\.[\w\-]+)+", "[removido]", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (name is { Length: >= 3 } && !name.StartsWith(Removed, StringComparison.Ordinal))
        {
            scrubbed = scrubbed.Replace(name, "[removido]", StringComparison.OrdinalIgnoreCase);
        }

        return scrubbed;
    }

    private static System.Text.RegularExpressions.Regex MaskedTaxId() =>
        new(@"\*\*\*?\.\d{3}\.\d{3}(?:/[0-9A-Z]{4})?-\*\*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string Replace(string text, System.Text.RegularExpressions.Regex pattern) => pattern.Replace(text, "[removido]");
}
