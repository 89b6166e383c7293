using System.Text.Json;
using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tests.Tickets;

/// <summary>The requester's UF on the ticket: given at registration, corrected by an agent as a hash-chained event, and
/// histories stored before the field existed still verifying.</summary>
public sealed class TicketUfTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 3, 0, TimeSpan.Zero);

    private static Ticket Register(Uf? uf, string? institutionCode = null) =>
        Ticket.Register(
            new TicketId(Guid.NewGuid()),
            ProtocolNumber.Create(2026, 7),
            new NewTicket("Sem acesso", "Não consigo entrar.", EmailAddress.Parse("maria@ifsp.edu.br"), "Maria", Channel.Email, Now.AddMinutes(-3))
            {
                Institution = "Instituto Federal de São Paulo (IFSP)",
                InstitutionCode = institutionCode,
                Uf = uf,
            },
            Now);

    [Fact]
    public void The_uf_given_at_registration_is_the_tickets_and_survives_rehydration()
    {
        var ticket = Register(Uf.Parse("SP"), "ifsp.edu.br");

        var again = Ticket.Rehydrate(ticket.Id, ticket.History);

        Assert.Equal("SP", ticket.Uf?.Code);
        Assert.Equal("SP", again.Uf?.Code);
        Assert.Equal("ifsp.edu.br", again.InstitutionCode);
        Assert.Equal("SP", ((TicketRegistered)ticket.History[0].Data).Uf);
    }

    [Fact]
    public void An_agents_correction_is_one_chained_event_naming_old_and_new_and_repeating_it_changes_nothing()
    {
        var ticket = Register(Uf.Parse("SP"));
        var agent = Actor.Agent("ana.l1");

        Assert.True(ticket.ChangeUf(Uf.Parse("RJ"), "Solicitante trabalha no campus do Rio.", agent, Now.AddHours(1)));
        Assert.False(ticket.ChangeUf(Uf.Parse("rj"), null, agent, Now.AddHours(2)));

        var changed = Assert.IsType<TicketUfChanged>(ticket.History[^1].Data);
        Assert.Equal(("RJ", "SP"), (changed.Uf, changed.PreviousUf));
        Assert.Equal("ana.l1", ticket.History[^1].Actor.Id);
        Assert.Single(ticket.History, e => e.Data is TicketUfChanged);
        Assert.Equal("RJ", ticket.Uf?.Code);
        Assert.True(HistoryVerification.Verify(ticket.History, ticket.HeadHash).IsValid);
        Assert.Equal("RJ", Ticket.Rehydrate(ticket.Id, ticket.History).Uf?.Code);
    }

    [Fact]
    public void Clearing_the_uf_is_recorded_too_and_is_allowed_on_an_ended_ticket()
    {
        var ticket = Register(Uf.Parse("DF"));
        var agent = Actor.Agent("ana.l1");
        ticket.Cancel("Aberto por engano", agent, Now.AddMinutes(5));

        Assert.True(ticket.ChangeUf(null, null, agent, Now.AddMinutes(6)));

        Assert.Null(ticket.Uf);
        Assert.Equal((null, "DF"), (((TicketUfChanged)ticket.History[^1].Data).Uf, ((TicketUfChanged)ticket.History[^1].Data).PreviousUf));
    }

    [Fact]
    public void A_registration_without_uf_serialises_exactly_as_before_the_field_existed()
    {
        var ticket = Register(null);

        var json = JsonSerializer.Serialize(ticket.History[0].Data, EventHasher.CanonicalJson);

        Assert.DoesNotContain("\"uf\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("institutionCode", json, StringComparison.Ordinal);
        Assert.Null(ticket.Uf);
    }

    [Fact]
    public void A_history_stored_before_the_uf_existed_still_verifies_with_its_recorded_hash()
    {
        // Stored by the code before this change (main at 47ec300): the registration's canonical JSON and its hash.
        const string stored = """{"type":"registered","protocol":"20260000007","subject":"Sem acesso","requesterEmail":"maria@ifsp.edu.br","requesterName":"Maria","channel":"email","receivedAt":"2026-03-02T12:00:00+00:00","institution":"Instituto Federal de S\u00E3o Paulo (IFSP)","kind":"registered"}""";
        const string hash = "f212893c2a0b977890802d547c3070227e98208e3a0265e90bffc865b77910c9";
        var data = JsonSerializer.Deserialize<TicketEventData>(stored, EventHasher.CanonicalJson)!;
        var e = new TicketEvent(1, Now, Actor.Requester(EmailAddress.Parse("maria@ifsp.edu.br")), data, EventHasher.Genesis, hash);

        Assert.True(HistoryVerification.Verify([e], hash).IsValid);
        var ticket = Ticket.Rehydrate(new TicketId(Guid.NewGuid()), [e]);
        Assert.Null(ticket.Uf);
        Assert.Null(ticket.InstitutionCode);
    }

    [Fact]
    public void The_audit_record_carries_the_uf_the_institution_as_customer_code_and_the_categorys_kind()
    {
        var ticket = Register(Uf.Parse("SP"), "ifsp.edu.br");
        ticket.Classify("complaint", "normal", Actor.Agent("ana.l1"), Now.AddMinutes(1));

        var record = AuditRecord.From(ticket, SupportCatalogue.Default);
        var withoutInstitution = AuditRecord.From(Register(null));

        Assert.Equal("SP", record.Uf);
        Assert.Equal("ifsp.edu.br", record.CustomerCode);
        Assert.Equal("email:maria@ifsp.edu.br", ReopenDetector.RequesterKey(record)); // a requester, not the whole institution
        Assert.Equal(Helpdesk.Domain.Tickets.TicketKind.Complaint, record.Kind);
        Assert.True(record.IsComplaint(AuditKeywords.Default with { ComplaintCategories = [] }));
        Assert.Null(withoutInstitution.Uf);
        Assert.Equal("maria@ifsp.edu.br", withoutInstitution.CustomerCode);
        Assert.Null(withoutInstitution.Kind);
        Assert.False(withoutInstitution.IsComplaint(AuditKeywords.Default));
    }
}
