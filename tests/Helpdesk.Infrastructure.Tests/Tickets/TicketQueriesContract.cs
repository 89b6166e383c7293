using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The behaviour every <see cref="ITicketQueries"/> adapter must have (SQLite, Cosmos DB): the agents' lists
/// with every filter and keyset paging. Each test starts from an empty store; tickets are written through the store of
/// the same adapter, as the app writes them.</summary>
public abstract class TicketQueriesContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    protected const int Year = 2026;
    private static readonly Actor Agent = Actor.Agent("ana.l1");
    private static readonly SupportGroup Network = new("network", "Redes", SupportGroup.Level2);

    protected abstract ITicketStore Store { get; }

    protected abstract ITicketQueries Queries { get; }

    /// <summary>The deadlines the store records for each ticket (by subject), as the SLA engine would compute them.</summary>
    protected ScriptedDeadlines Deadlines { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filters_select_by_status_level_group_assignee_category_priority_institution_and_channel()
    {
        var a = await OpenAsync("Emissão de certificado", institution: "IFRS");
        var b = await OpenAsync("Rede lenta", channel: Channel.WebForm, institution: "UFMG");
        var c = await OpenAsync("Acesso", channel: Channel.Phone);
        await ChangeAsync(a, t => t.Assign("ana.l1", null, Agent, Now));
        await ChangeAsync(b, t => t.Classify("repair", "high", Agent, Now));
        await ChangeAsync(b, t => t.Escalate(Network, "Falha física", Agent, Now));

        Assert.Equal([a], await ListAsync(new TicketQuery { Statuses = [TicketStatus.Open], Level = 1 }));
        Assert.Equal([c, a], await ListAsync(new TicketQuery { Statuses = [TicketStatus.New, TicketStatus.Open], Level = 1 }));
        Assert.Equal([b], await ListAsync(new TicketQuery { Level = 2, Group = "network" }));
        Assert.Equal([a], await ListAsync(new TicketQuery { Assignee = "ana.l1" }));
        Assert.Equal([c, b], await ListAsync(new TicketQuery { Unassigned = true }));
        Assert.Equal([b], await ListAsync(new TicketQuery { Category = "repair", Priority = "high" }));
        Assert.Empty(await ListAsync(new TicketQuery { Category = "repair", Priority = "low" }));
        Assert.Equal([b], await ListAsync(new TicketQuery { Institution = "UFMG" }));
        Assert.Equal([c], await ListAsync(new TicketQuery { Channel = Channel.Phone }));
        Assert.Equal([c, b, a], await ListAsync(new TicketQuery()));
    }

    [Fact]
    public async Task The_uf_filter_follows_the_registration_and_an_agents_correction_and_the_summary_shows_it()
    {
        var sp = await OpenAsync("Pedido de SP", uf: "SP");
        var rj = await OpenAsync("Pedido do RJ", uf: "RJ");
        var none = await OpenAsync("Sem UF");
        await ChangeAsync(rj, t => t.ChangeUf(Uf.Parse("SP"), "Campus de São Paulo.", Agent, Now.AddMinutes(1)));
        await ChangeAsync(sp, t => t.ChangeUf(Uf.Parse("MG"), null, Agent, Now.AddMinutes(2)));

        Assert.Equal([rj], await ListAsync(new TicketQuery { Uf = "SP" }));
        Assert.Equal([sp], await ListAsync(new TicketQuery { Uf = "MG" }));
        Assert.Empty(await ListAsync(new TicketQuery { Uf = "RJ" }));
        var all = (await Queries.ListAsync(new TicketQuery(), Ct)).Items;
        Assert.Equal(["MG", "SP", null], new[] { sp, rj, none }.Select(p => all.Single(s => s.Protocol == p).Uf));
    }

    [Fact]
    public async Task Text_search_ignores_accents_and_case_and_needs_every_word()
    {
        var a = await OpenAsync("Emissão de certificado", description: "Não consigo emitir o diploma.");
        var b = await OpenAsync("Certificado vencido");
        await OpenAsync("Rede lenta");

        Assert.Equal([a], await ListAsync(new TicketQuery { Text = "EMISSAO certificado" }));
        Assert.Equal([b, a], await ListAsync(new TicketQuery { Text = "certificado" }));
        Assert.Equal([a], await ListAsync(new TicketQuery { Text = "diploma" }));
        Assert.Equal([b], await ListAsync(new TicketQuery { Text = "vencido CERTIFICADO" }));
        Assert.Empty(await ListAsync(new TicketQuery { Text = "certificado impressora" }));
    }

    [Fact]
    public async Task Text_search_matches_only_what_the_view_shows()
    {
        // The masked CPF keeps its middle digits (***.982.247-**): its first three digits and the address's local part are
        // what a masked view must not be able to confirm, one query at a time.
        var a = await OpenAsync("Acesso", description: "CPF 529.982.247-25, escreva para maria.walk@gmail.com");

        Assert.Equal([a], await ListAsync(new TicketQuery { Text = "529", View = PersonalDataView.Full }));
        Assert.Empty(await ListAsync(new TicketQuery { Text = "529", View = PersonalDataView.TaxIdsMasked }));
        Assert.Empty(await ListAsync(new TicketQuery { Text = "529", View = PersonalDataView.Masked }));
        Assert.Equal([a], await ListAsync(new TicketQuery { Text = "982 247", View = PersonalDataView.Masked }));
        Assert.Equal([a], await ListAsync(new TicketQuery { Text = "walk", View = PersonalDataView.TaxIdsMasked }));
        Assert.Empty(await ListAsync(new TicketQuery { Text = "walk", View = PersonalDataView.Masked }));
        Assert.Empty(await ListAsync(new TicketQuery { Text = "silva" }));
        Assert.Equal([a], await ListAsync(new TicketQuery { Text = "silva", View = PersonalDataView.TaxIdsMasked }));
    }

    [Fact]
    public async Task The_breach_filter_compares_the_recorded_deadlines_with_now_and_skips_ended_tickets()
    {
        Deadlines.Set("Atrasado", new TicketDeadline(Now.AddHours(-5), Now.AddHours(-1)));
        Deadlines.Set("Em risco", new TicketDeadline(Now.AddHours(-1), Now.AddHours(2)));
        Deadlines.Set("No prazo", new TicketDeadline(Now.AddHours(1), Now.AddHours(3)));
        Deadlines.Set("No prazo, sem alerta", new TicketDeadline(null, Now.AddHours(3)));
        Deadlines.Set("Resolvido atrasado", new TicketDeadline(Now.AddHours(-5), Now.AddHours(-1)));
        var breached = await OpenAsync("Atrasado");
        var atRisk = await OpenAsync("Em risco");
        var onTime = await OpenAsync("No prazo");
        var onTimeNoAlert = await OpenAsync("No prazo, sem alerta");
        await OpenAsync("Sem prazo");
        var resolved = await OpenAsync("Resolvido atrasado");
        await ChangeAsync(resolved, t => t.Assign("ana.l1", null, Agent, Now));
        await ChangeAsync(resolved, t => t.Resolve(false, "Feito.", Agent, Now));

        Assert.Equal([breached], await ListAsync(new TicketQuery { Breach = BreachState.Breached, Now = Now }));
        Assert.Equal([atRisk], await ListAsync(new TicketQuery { Breach = BreachState.AtRisk, Now = Now }));
        Assert.Equal([onTimeNoAlert, onTime], await ListAsync(new TicketQuery { Breach = BreachState.OnTime, Now = Now }));
        Assert.Equal([onTimeNoAlert, onTime, atRisk], await ListAsync(new TicketQuery { Breach = BreachState.OnTime, Now = Now.AddHours(-3) }));
    }

    [Fact]
    public async Task A_summary_shows_the_tickets_latest_state()
    {
        Deadlines.Set("Sem acesso", new TicketDeadline(Now.AddHours(1), Now.AddHours(3)));
        var protocol = await OpenAsync("Sem acesso", institution: "IFSP");
        await ChangeAsync(protocol, t => t.Assign("ana.l1", null, Agent, Now.AddMinutes(5)));

        var page = await Queries.ListAsync(new TicketQuery(), Ct);

        var summary = Assert.Single(page.Items);
        Assert.Equal(protocol, summary.Protocol);
        Assert.Equal(TicketStatus.Open, summary.Status);
        Assert.Equal("Sem acesso", summary.Subject);
        Assert.Equal("maria.silva@ifsp.edu.br", summary.RequesterEmail);
        Assert.Equal("Maria", summary.RequesterName);
        Assert.Equal("IFSP", summary.Institution);
        Assert.Equal(Channel.Email, summary.Channel);
        Assert.Equal(1, summary.Level);
        Assert.Equal("ana.l1", summary.Assignee);
        Assert.Null(summary.Group);
        Assert.Equal(Now, summary.RegisteredAt);
        Assert.Equal(Now.AddMinutes(5), summary.UpdatedAt);
        Assert.Equal(Now.AddHours(1), summary.AtRiskAt);
        Assert.Equal(Now.AddHours(3), summary.DueAt);
        Assert.Equal(3, summary.Version);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_repeats_or_gaps_even_when_tickets_arrive_meanwhile()
    {
        var opened = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            opened.Add(await OpenAsync("Pedido " + i));
        }

        var first = await Queries.ListAsync(new TicketQuery { PageSize = 3 }, Ct);
        await OpenAsync("Chegou durante a leitura");
        var second = await Queries.ListAsync(new TicketQuery { PageSize = 3, PageToken = first.NextPageToken }, Ct);
        var third = await Queries.ListAsync(new TicketQuery { PageSize = 3, PageToken = second.NextPageToken }, Ct);

        Assert.Equal(opened.OrderDescending(), first.Items.Concat(second.Items).Concat(third.Items).Select(s => s.Protocol));
        Assert.NotNull(first.NextPageToken);
        Assert.NotNull(second.NextPageToken);
        Assert.Null(third.NextPageToken);
    }

    [Fact]
    public async Task Lists_run_across_years_newest_year_first_and_page_across_the_boundary()
    {
        var old1 = await OpenAsync("Antigo 1", Year - 1);
        var old2 = await OpenAsync("Antigo 2", Year - 1);
        var new1 = await OpenAsync("Novo 1", Year);
        var new2 = await OpenAsync("Novo 2", Year);

        var first = await Queries.ListAsync(new TicketQuery { PageSize = 3 }, Ct);
        var second = await Queries.ListAsync(new TicketQuery { PageSize = 3, PageToken = first.NextPageToken }, Ct);
        var filtered = await ListAsync(new TicketQuery { Text = "antigo" });

        Assert.Equal([new2, new1, old2], first.Items.Select(s => s.Protocol));
        Assert.Equal([old1], second.Items.Select(s => s.Protocol));
        Assert.Null(second.NextPageToken);
        Assert.Equal([old2, old1], filtered);
    }

    [Fact]
    public async Task An_empty_store_lists_nothing()
    {
        var page = await Queries.ListAsync(new TicketQuery(), Ct);

        Assert.Empty(page.Items);
        Assert.Null(page.NextPageToken);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("djE6eHl6")] // base64url of "v1:xyz": the right shape, not a protocol
    public async Task A_page_token_this_service_did_not_issue_is_rejected(string token)
    {
        await OpenAsync("Pedido");

        await Assert.ThrowsAsync<ArgumentException>(() => Queries.ListAsync(new TicketQuery { PageToken = token }, Ct));
    }

    private async Task<IReadOnlyList<string>> ListAsync(TicketQuery query) =>
        (await Queries.ListAsync(query with { PageSize = TicketQuery.MaxPageSize }, Ct)).Items.Select(s => s.Protocol).ToList();

    private async Task<string> OpenAsync(string subject, int year = Year, Channel channel = Channel.Email, string? institution = null, string description = "Preciso de ajuda.", string? uf = null)
    {
        var id = new TicketId(Guid.NewGuid());
        var outcome = await Store.CreateAsync(
            year,
            protocol => new TicketDraft(
                Ticket.Register(id, protocol, new NewTicket(subject, description, EmailAddress.Parse("maria.silva@ifsp.edu.br"), "Maria", channel, Now) { Institution = institution, Uf = Uf.ParseOptional(uf) }, Now),
                [],
                []),
            Ct);
        return outcome.Ticket.Protocol.ToString();
    }

    private async Task ChangeAsync(string protocol, Func<Ticket, bool> change)
    {
        Assert.True(ProtocolNumber.TryParse(protocol, out var number));
        var ticket = (await Store.FindByProtocolAsync(number, Ct))!;
        Assert.True(change(ticket), "the change did nothing");
        await Store.SaveAsync(ticket, [], [], Ct);
    }

    /// <summary>Deadlines by ticket subject, whatever the status (so that the lists' own rule, "only active tickets
    /// are on time, at risk or breached", is what keeps ended tickets out); none for other subjects.</summary>
    protected sealed class ScriptedDeadlines : ITicketDeadlines
    {
        private readonly Dictionary<string, TicketDeadline> _bySubject = new(StringComparer.Ordinal);

        public void Set(string subject, TicketDeadline deadline) => _bySubject[subject] = deadline;

        public TicketDeadline For(Ticket ticket) => _bySubject.TryGetValue(ticket.Subject, out var d) ? d : TicketDeadline.None;
    }
}
