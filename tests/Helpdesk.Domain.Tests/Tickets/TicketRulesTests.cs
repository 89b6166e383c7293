using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using static Helpdesk.Domain.Tests.Tickets.TicketBuilder;

namespace Helpdesk.Domain.Tests.Tickets;

public class TicketRulesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    [Fact]
    public void Escalation_moves_the_ticket_to_the_level_2_group_with_its_reason_and_clears_the_assignee()
    {
        var t = InStatus(TicketStatus.Open);

        Assert.True(t.Escalate(Network, "Falha no roteador", Agent, T0.AddHours(1)));

        Assert.Equal(2, t.Level);
        Assert.Equal("network", t.Group);
        Assert.Null(t.Assignee);
        Assert.True(t.WasEscalated);
        var e = Assert.IsType<TicketEscalated>(t.History[^1].Data);
        Assert.Equal((1, 2, "network", "Falha no roteador"), (e.FromLevel, e.ToLevel, e.Group, e.Reason));
    }

    [Fact]
    public void Escalating_again_to_the_same_group_changes_nothing_and_another_level_2_group_moves_it()
    {
        var t = InStatus(TicketStatus.Open);
        t.Escalate(Network, "Falha no roteador", Agent, T0.AddHours(1));
        var count = t.History.Count;

        Assert.False(t.Escalate(Network, "de novo", Agent, T0.AddHours(2)));
        Assert.Equal(count, t.History.Count);
        Assert.True(t.Escalate(Systems, "É do sistema, não da rede", Agent, T0.AddHours(3)));
        Assert.Equal("systems", t.Group);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Escalation_needs_a_reason(string reason)
    {
        var t = InStatus(TicketStatus.Open);

        Assert.Equal(TicketErrors.ReasonRequired, Assert.Throws<DomainException>(() => t.Escalate(Network, reason, Agent, T0)).Code);
    }

    [Fact]
    public void Escalation_goes_only_to_a_level_2_group()
    {
        var t = InStatus(TicketStatus.Open);

        Assert.Equal(TicketErrors.EscalationTargetNotLevel2, Assert.Throws<DomainException>(() => t.Escalate(ServiceDesk, "x", Agent, T0)).Code);
    }

    [Fact]
    public void An_assignment_to_a_group_of_another_level_is_refused()
    {
        var t = InStatus(TicketStatus.New);

        Assert.Equal(TicketErrors.GroupLevelMismatch, Assert.Throws<DomainException>(() => t.Assign("ana", Network, Agent, T0)).Code);
    }

    [Fact]
    public void An_escalated_or_reopened_ticket_cannot_be_resolved_at_first_contact()
    {
        var escalated = InStatus(TicketStatus.Open);
        escalated.Escalate(Network, "rede", Agent, T0.AddHours(1));
        var reopened = InStatus(TicketStatus.Resolved);
        reopened.Reopen("voltou", Agent, T0.AddHours(1));

        Assert.Equal(TicketErrors.FirstContactAfterEscalation, Assert.Throws<DomainException>(() => escalated.Resolve(true, "ok", Agent, T0.AddHours(2))).Code);
        Assert.Equal(TicketErrors.FirstContactAfterReopening, Assert.Throws<DomainException>(() => reopened.Resolve(true, "ok", Agent, T0.AddHours(2))).Code);
        Assert.True(escalated.Resolve(false, "ok", Agent, T0.AddHours(2)));
        Assert.False(escalated.ResolvedAtFirstContact);
    }

    [Fact]
    public void Pending_periods_are_recorded_as_suspensions_closed_by_the_answer_or_the_resolution()
    {
        var t = InStatus(TicketStatus.Open);
        t.SetPendingOnRequester("print", Agent, T0.AddHours(1));
        t.ReceiveRequesterMessage("reply-1@x", "maria@ifsp.edu.br", "Re", "segue", null, T0.AddHours(3), 0, Window, T0.AddHours(3));
        t.SetPendingOnRequester("mais dados", Agent, T0.AddHours(4));
        t.Resolve(false, "ok", Agent, T0.AddHours(6));

        Assert.Equal(
            [new Suspension(T0.AddHours(1), T0.AddHours(3)), new Suspension(T0.AddHours(4), T0.AddHours(6))],
            t.Suspensions);
    }

    [Fact]
    public void The_requester_answering_while_pending_resumes_the_ticket()
    {
        var t = InStatus(TicketStatus.PendingOnRequester);

        var outcome = t.ReceiveRequesterMessage("reply-1@x", "maria@ifsp.edu.br", "Re", "segue", null, T0.AddHours(3), 0, Window, T0.AddHours(3));

        Assert.Equal(RequesterReplyOutcome.Resumed, outcome);
        Assert.Equal(TicketStatus.Open, t.Status);
        Assert.IsType<TicketResumed>(t.History[^1].Data);
        Assert.Equal("requester", t.History[^1].Actor.Kind);
    }

    // Resolved at T0+6min (see TicketBuilder); the window is 7 days.
    [Theory]
    [InlineData(60, RequesterReplyOutcome.Reopened, TicketStatus.Open)]
    [InlineData(7 * 24 * 60, RequesterReplyOutcome.Reopened, TicketStatus.Open)]
    [InlineData(7 * 24 * 60 + 7, RequesterReplyOutcome.NeedsNewTicket, TicketStatus.Resolved)]
    public void The_requester_answering_a_resolved_ticket_reopens_it_only_within_the_window(int minutesAfterT0, RequesterReplyOutcome expected, TicketStatus status)
    {
        var t = InStatus(TicketStatus.Resolved);
        var count = t.History.Count;
        var at = T0.AddMinutes(minutesAfterT0);

        var outcome = t.ReceiveRequesterMessage("late@x", "maria@ifsp.edu.br", "Re", "não resolveu", null, at, 0, Window, at);

        Assert.Equal(expected, outcome);
        Assert.Equal(status, t.Status);
        Assert.Equal(expected == RequesterReplyOutcome.Reopened ? count + 2 : count, t.History.Count);
    }

    [Theory]
    [InlineData(TicketStatus.Closed, RequesterReplyOutcome.NeedsNewTicket)]
    [InlineData(TicketStatus.Cancelled, RequesterReplyOutcome.NeedsNewTicket)]
    [InlineData(TicketStatus.Merged, RequesterReplyOutcome.MergedElsewhere)]
    public void A_message_to_an_ended_ticket_changes_nothing(TicketStatus status, RequesterReplyOutcome expected)
    {
        var t = InStatus(status);
        var count = t.History.Count;

        Assert.Equal(expected, t.ReceiveRequesterMessage("x@x", "maria@ifsp.edu.br", "Re", "oi", null, T0.AddHours(1), 0, Window, T0.AddHours(1)));
        Assert.Equal(count, t.History.Count);
    }

    [Fact]
    public void The_same_requester_message_twice_is_a_duplicate()
    {
        var t = InStatus(TicketStatus.Open);
        t.ReceiveRequesterMessage("dup@x", "maria@ifsp.edu.br", "Re", "oi", null, T0.AddHours(1), 0, Window, T0.AddHours(1));
        var count = t.History.Count;

        Assert.Equal(RequesterReplyOutcome.Duplicate, t.ReceiveRequesterMessage("dup@x", "maria@ifsp.edu.br", "Re", "oi", null, T0.AddHours(1), 0, Window, T0.AddHours(2)));
        Assert.Equal(count, t.History.Count);
    }

    [Fact]
    public void Merging_ends_the_duplicate_and_records_it_on_the_target()
    {
        var duplicate = InStatus(TicketStatus.Open);
        var target = InStatus(TicketStatus.Open);

        Assert.True(duplicate.MergeInto(target, "Mesmo problema", Agent, T0.AddHours(1)));
        Assert.True(target.AcceptDuplicate(duplicate.Protocol, Agent, T0.AddHours(1)));
        Assert.False(target.AcceptDuplicate(duplicate.Protocol, Agent, T0.AddHours(2)));

        Assert.Equal(TicketStatus.Merged, duplicate.Status);
        Assert.Equal(target.Protocol, duplicate.MergedInto);
        Assert.Equal([duplicate.Protocol.ToString()], target.Duplicates);
        Assert.False(duplicate.MergeInto(target, "de novo", Agent, T0.AddHours(3)));
    }

    [Fact]
    public void Merging_into_itself_or_into_an_ended_ticket_is_refused()
    {
        var t = InStatus(TicketStatus.Open);
        var closed = InStatus(TicketStatus.Closed);

        Assert.Equal(TicketErrors.MergeIntoItself, Assert.Throws<DomainException>(() => t.MergeInto(t, "x", Agent, T0)).Code);
        Assert.Equal(TicketErrors.MergeTargetNotActive, Assert.Throws<DomainException>(() => t.MergeInto(closed, "x", Agent, T0)).Code);
    }

    [Fact]
    public void Taking_a_new_ticket_opens_it_and_assigning_the_same_agent_again_changes_nothing()
    {
        var t = InStatus(TicketStatus.New);

        Assert.True(t.Assign("bruno", null, Agent, T0.AddMinutes(1)));
        Assert.False(t.Assign("bruno", null, Agent, T0.AddMinutes(2)));
        Assert.True(t.Assign("carla", null, Agent, T0.AddMinutes(3)));

        Assert.Equal(TicketStatus.Open, t.Status);
        Assert.Equal("carla", t.Assignee);
    }

    [Fact]
    public void Classifying_with_the_same_codes_again_changes_nothing()
    {
        var t = InStatus(TicketStatus.Open);

        Assert.True(t.Classify("incident", "high", Agent, T0));
        Assert.False(t.Classify("incident", "high", Agent, T0));
        Assert.Equal(("incident", "high"), (t.Category, t.Priority));
    }

    [Fact]
    public void Internal_notes_are_kept_apart_from_the_messages_to_the_requester()
    {
        var t = InStatus(TicketStatus.Open);
        var messages = t.Messages.Count;

        t.AddInternalNote("Ligar para a TI do campus", Agent, T0.AddHours(1));

        Assert.Equal(messages, t.Messages.Count);
        Assert.Equal("Ligar para a TI do campus", Assert.Single(t.Notes).Text);
    }

    [Fact]
    public void The_first_agent_reply_is_the_first_response()
    {
        var t = InStatus(TicketStatus.Open);
        t.RecordMessageSent("ack@x", "Recebemos", "ack", MessagePurposes.Acknowledgment, Actor.System, T0);

        t.Reply("r1@x", "Re", "Olá", Agent, T0.AddHours(2));
        t.Reply("r2@x", "Re", "De novo", Agent, T0.AddHours(3));

        Assert.Equal(T0.AddHours(2), t.FirstResponseAt);
        Assert.Equal("ana.agente", t.Messages[^1].Author);
    }

    [Fact]
    public void The_survey_is_answered_once_on_a_resolved_ticket_with_a_score_from_0_to_10()
    {
        var open = InStatus(TicketStatus.Open);
        var resolved = InStatus(TicketStatus.Resolved);

        Assert.Equal(TicketErrors.SurveyNotResolved, Assert.Throws<DomainException>(() => open.Rate(9, null, T0)).Code);
        Assert.Equal(TicketErrors.SurveyScoreOutOfRange, Assert.Throws<DomainException>(() => resolved.Rate(11, null, T0)).Code);
        resolved.Rate(9, "  Rápido  ", T0.AddHours(1));
        Assert.Equal(TicketErrors.SurveyAlreadyAnswered, Assert.Throws<DomainException>(() => resolved.Rate(3, null, T0.AddHours(2))).Code);

        Assert.Equal(new SatisfactionRating(9, "Rápido", T0.AddHours(1)), resolved.Rating);
        Assert.True(resolved.Rating!.IsSatisfied);
    }

    [Fact]
    public void Registration_fields_added_later_do_not_change_the_hash_of_older_events()
    {
        // An event stored before Institution/RequesterTaxId/FollowsProtocol existed had no such properties:
        // serialising the same record today must give the same canonical JSON, or its stored hash would break.
        var data = new TicketRegistered("20260000001", "Assunto", "a@b.gov.br", null, Channel.Email, T0);

        var json = System.Text.Json.JsonSerializer.Serialize<TicketEventData>(data, Helpdesk.Domain.Tickets.History.EventHasher.CanonicalJson);

        Assert.DoesNotContain("institution", json, StringComparison.Ordinal);
        Assert.DoesNotContain("requesterTaxId", json, StringComparison.Ordinal);
        Assert.DoesNotContain("followsProtocol", json, StringComparison.Ordinal);
    }
}
