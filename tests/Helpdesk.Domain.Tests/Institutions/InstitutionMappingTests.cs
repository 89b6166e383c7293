using Helpdesk.Domain.Common;
using Helpdesk.Domain.Institutions;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Tests.Institutions;

public class InstitutionMappingTests
{
    private static readonly InstitutionMapping[] Table =
    [
        new("ifrs.edu.br", "IFRS"),
        new("poa.ifrs.edu.br", "IFRS Porto Alegre"),
        new("edu.br", "Educação (genérico)"),
    ];

    [Theory]
    [InlineData("ana@ifrs.edu.br", "IFRS")]
    [InlineData("ana@aluno.ifrs.edu.br", "IFRS")]
    [InlineData("ana@poa.ifrs.edu.br", "IFRS Porto Alegre")]
    [InlineData("ana@ufrgs.edu.br", "Educação (genérico)")]
    [InlineData("ana@notifrs.edu.br", "Educação (genérico)")]
    [InlineData("ana@gmail.com", null)]
    public void The_longest_domain_that_covers_the_address_wins(string email, string? institution) =>
        Assert.Equal(institution, InstitutionMapping.Find(EmailAddress.Parse(email), Table)?.Name);

    [Theory]
    [InlineData("IFRS.edu.br.", "ifrs.edu.br")]
    [InlineData("@ifsp.edu.br", "ifsp.edu.br")]
    public void Domains_are_normalised(string domain, string expected) =>
        Assert.Equal(expected, new InstitutionMapping(domain, "X").Domain);

    [Theory]
    [InlineData("br")]
    [InlineData("not_a_domain.br")]
    [InlineData("a..b.br")]
    [InlineData("")]
    public void Malformed_domains_are_refused(string domain) =>
        Assert.Equal("institution.domain.invalid", Assert.Throws<DomainException>(() => new InstitutionMapping(domain, "X")).Code);
}
