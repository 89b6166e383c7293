using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Institutions;

/// <summary>One row of the editable table that derives a requester's institution from the e-mail domain:
/// <c>ifrs.edu.br</c> → "Instituto Federal do Rio Grande do Sul". A row also covers its subdomains
/// (<c>aluno.ifrs.edu.br</c>); the longest matching domain wins. <see cref="Uf"/> is the institution's state, the default
/// UF of its requesters' tickets (a request or an agent may set another).</summary>
public sealed record InstitutionMapping
{
    public const int MaxNameLength = 200;

    public InstitutionMapping(string domain, string name, Uf? uf = null)
    {
        Uf = uf;
        Domain = NormalizeDomain(domain);
        var n = name?.Trim();
        Name = string.IsNullOrEmpty(n) || n.Length > MaxNameLength
            ? throw new DomainException("institution.name.invalid", $"The institution name is required (at most {MaxNameLength} characters).")
            : n;
    }

    public string Domain { get; }

    public string Name { get; }

    public Uf? Uf { get; }

    public bool Covers(EmailAddress address) =>
        string.Equals(address.Domain, Domain, StringComparison.Ordinal) ||
        address.Domain.EndsWith("." + Domain, StringComparison.Ordinal);

    /// <summary>The institution of <paramref name="address"/>: the mapping with the longest domain that covers it.</summary>
    public static InstitutionMapping? Find(EmailAddress address, IEnumerable<InstitutionMapping> table) =>
        table.Where(m => m.Covers(address)).MaxBy(m => m.Domain.Length);

    public static string NormalizeDomain(string? domain)
    {
        var d = domain?.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        if (string.IsNullOrEmpty(d) || d.Length > 253 || !d.Contains('.', StringComparison.Ordinal) || d.StartsWith('.') ||
            d.Contains("..", StringComparison.Ordinal) || !d.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-'))
        {
            throw new DomainException("institution.domain.invalid", "The domain must look like 'ifrs.edu.br'.");
        }

        return d;
    }
}
