using Helpdesk.Application.Institutions;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Institutions;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Tests.Configuration;

/// <summary>The behaviour every <see cref="IInstitutionDirectory"/> adapter must have (SQLite, Cosmos DB): a new table
/// holds the built-in rows (<see cref="BuiltInInstitutions"/>) once, so a removed built-in row stays removed; the longest
/// matching domain wins; an upsert or a removal reports whether it changed something.</summary>
public abstract class InstitutionDirectoryContract
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 13, 0, 0, TimeSpan.Zero);

    protected abstract IInstitutionDirectory Directory { get; }

    /// <summary>Another directory over the same storage (a second function instance, or a restart).</summary>
    protected abstract IInstitutionDirectory OpenAgain();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_table_lists_exactly_the_built_in_institutions_with_their_states()
    {
        var listed = await Directory.ListAsync(Ct);

        Assert.Equal(BuiltInInstitutions.All, listed);
        Assert.Equal(["MG", "RS", "SC", "SP"], listed.Select(m => m.Uf!.Value.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_longest_matching_domain_wins_and_an_unknown_domain_finds_nothing()
    {
        await Directory.UpsertAsync(new InstitutionMapping("campus.ifrs.edu.br", "IFRS Campus Porto Alegre", Uf.Parse("RS")), "supervisor.ana", Now, Ct);

        var campus = await Directory.FindAsync(EmailAddress.Parse("joao@aluno.campus.ifrs.edu.br"), Ct);
        var institute = await Directory.FindAsync(EmailAddress.Parse("maria@reitoria.ifrs.edu.br"), Ct);
        var exact = await Directory.FindAsync(EmailAddress.Parse("ana@ufmg.br"), Ct);
        var none = await Directory.FindAsync(EmailAddress.Parse("ana@exemplo.com.br"), Ct);
        var parentOnly = await Directory.FindAsync(EmailAddress.Parse("ana@edu.br"), Ct);

        Assert.Equal("IFRS Campus Porto Alegre", campus?.Name);
        Assert.Equal("Instituto Federal do Rio Grande do Sul (IFRS)", institute?.Name);
        Assert.Equal(new InstitutionMapping("ufmg.br", "Universidade Federal de Minas Gerais (UFMG)", Uf.Parse("MG")), exact);
        Assert.Null(none);
        Assert.Null(parentOnly);
    }

    [Fact]
    public async Task An_upsert_reports_a_change_only_when_the_row_is_new_or_different()
    {
        var unb = new InstitutionMapping("unb.br", "Universidade de Brasília (UnB)", Uf.Parse("DF"));

        var added = await Directory.UpsertAsync(unb, "supervisor.ana", Now, Ct);
        var again = await Directory.UpsertAsync(unb, "supervisor.bia", Now.AddMinutes(1), Ct);
        var renamed = await Directory.UpsertAsync(new InstitutionMapping("unb.br", "UnB", Uf.Parse("DF")), "supervisor.bia", Now.AddMinutes(2), Ct);
        var stateless = await Directory.UpsertAsync(new InstitutionMapping("unb.br", "UnB"), "supervisor.bia", Now.AddMinutes(3), Ct);

        Assert.True(added);
        Assert.False(again);
        Assert.True(renamed);
        Assert.True(stateless);
        Assert.Equal(new InstitutionMapping("unb.br", "UnB"), await Directory.FindAsync(EmailAddress.Parse("ana@unb.br"), Ct));
        Assert.Equal(BuiltInInstitutions.All.Count + 1, (await Directory.ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task A_removal_reports_whether_the_row_existed_and_a_removed_built_in_row_stays_removed()
    {
        var removed = await Directory.RemoveAsync("ifsp.edu.br", Ct);
        var twice = await Directory.RemoveAsync("ifsp.edu.br", Ct);
        var unknown = await Directory.RemoveAsync("nada.gov.br", Ct);
        await Directory.UpsertAsync(new InstitutionMapping("ufmg.br", "UFMG"), "supervisor.ana", Now, Ct);

        var reopened = OpenAgain();

        Assert.True(removed);
        Assert.False(twice);
        Assert.False(unknown);
        Assert.Null(await reopened.FindAsync(EmailAddress.Parse("ana@ifsp.edu.br"), Ct));
        Assert.Equal(
            ["ifrs.edu.br", "ifsc.edu.br", "ufmg.br"],
            (await reopened.ListAsync(Ct)).Select(m => m.Domain));
        Assert.Equal(new InstitutionMapping("ufmg.br", "UFMG"), await reopened.FindAsync(EmailAddress.Parse("ana@ufmg.br"), Ct));
    }
}
