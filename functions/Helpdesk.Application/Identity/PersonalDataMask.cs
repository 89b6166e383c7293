using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Application.Identity;

/// <summary>The masking of one <see cref="PersonalDataView"/>: CPF/CNPJ shown as <c>***.456.789-**</c> and e-mail
/// addresses as <c>a***@domain</c>, in fields and inside free text alike. The only masking of the product: every output
/// goes through it (mostly through <see cref="Tickets.MaskedTicket"/>).</summary>
public sealed class PersonalDataMask
{
    private PersonalDataMask(PersonalDataView view)
    {
        View = view;
        Rewrite = new PersonalDataRewrite(Text, Text, Address, digits => TaxIdText(digits));
    }

    public static PersonalDataMask Full { get; } = new(PersonalDataView.Full);

    public static PersonalDataMask TaxIdsMasked { get; } = new(PersonalDataView.TaxIdsMasked);

    public static PersonalDataMask Masked { get; } = new(PersonalDataView.Masked);

    public PersonalDataView View { get; }

    /// <summary>The history rewrite of this view (tax ids in the registration become their masked form).</summary>
    public PersonalDataRewrite Rewrite { get; }

    public bool ShowsTaxIds => View == PersonalDataView.Full;

    public bool ShowsAddresses => View != PersonalDataView.Masked;

    public static PersonalDataMask For(PersonalDataView view) => view switch
    {
        PersonalDataView.Full => Full,
        PersonalDataView.TaxIdsMasked => TaxIdsMasked,
        _ => Masked,
    };

    public static PersonalDataMask For(AgentIdentity viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return For(viewer.PersonalData);
    }

    /// <summary>Free text with every CPF/CNPJ and e-mail address the view may not see masked.</summary>
    public string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = ShowsTaxIds ? text : TaxIdRedaction.Mask(text);
        return ShowsAddresses ? masked : EmailRedaction.Mask(masked);
    }

    public string? OptionalText(string? text) => text is null ? null : Text(text);

    /// <summary>An address field (or anything in its place, such as an anonymized requester's pseudonym).</summary>
    public string Address(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ShowsAddresses || !EmailAddress.TryParse(address, out var parsed, out _) ? Text(address) : parsed.Masked();
    }

    public string? TaxId(TaxId? id) => id is { } t ? (ShowsTaxIds ? t.Formatted : t.Masked) : null;

    /// <summary>Stored digits as shown: formatted, masked, or "***" when they do not parse.</summary>
    public string TaxIdText(string digits) =>
        Domain.Common.TaxId.TryParse(digits, out var id, out _) ? TaxId(id)! : (ShowsTaxIds ? digits : "***");
}
