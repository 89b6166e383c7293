using CsCheck;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using static Helpdesk.Domain.Tests.Indicators.Tickets;

namespace Helpdesk.Domain.Tests.Indicators;

/// <summary>Whole-month invariants: fixing one ticket never raises the month's fine; the total respects <c>options.totalCap</c>.</summary>
public class AssessmentPropertyTests
{
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);

    /// <summary>A March ticket: late or on time, slow or quick registration, rated 0–10 or not, first contact or not.</summary>
    internal static readonly Gen<ExportedTicket> TicketGen =
        Gen.Select(Gen.Int[1, 28], Gen.Int[0, 20], Gen.Bool, Gen.Int[-1, 10], Gen.Bool, Gen.Int[1, 9_999_999])
            .Select((day, registerMinutes, late, score, firstContact, n) =>
            {
                var received = At(3, day, 9);
                var due = received.AddHours(24);
                var resolved = late ? due.AddHours(30) : due.AddHours(-1);
                ExportedEvent[] events = score < 0
                    ? [Resolved(resolved, firstContact)]
                    : [Resolved(resolved, firstContact), Rated(resolved.AddMinutes(5), score)];
                return Ticket($"2026{n:D7}", received, registeredAfterMinutes: registerMinutes, due: due, activityValue: 1_000m, events: events);
            });

    private static MonthlyAssessment Assess(IEnumerable<ExportedTicket> tickets, AssessmentContract contract) =>
        MonthlyAssessor.Assess(contract, new AssessmentInput(March, tickets) { Invoice = Money.Brl(50_000m) });

    private static ExportedTicket Fixed(ExportedTicket t)
    {
        var resolved = t.ResolutionDueAt!.Value.AddHours(-1);
        return t with
        {
            RegisteredAt = t.ReceivedAt.AddMinutes(1),
            Events = t.Events.Select(e => e.Type switch
            {
                ExportedEventType.Resolved => e with { At = resolved, FirstContact = true },
                ExportedEventType.Rated => e with { At = resolved.AddMinutes(5), Score = 10 },
                _ => e,
            }).ToArray(),
        };
    }

    [Fact]
    public void Fixing_a_ticket_never_raises_the_fine()
    {
        Gen.Select(TicketGen.Array[1, 60], Gen.Int[0, 59]).Sample((tickets, which) =>
        {
            var i = which % tickets.Length;
            var before = Assess(tickets, DefaultAssessmentContract.Contract);
            var improved = tickets.ToArray();
            improved[i] = Fixed(improved[i]);
            var after = Assess(improved, DefaultAssessmentContract.Contract);
            Assert.True(after.PenaltyAmount <= before.PenaltyAmount, $"{after.PenaltyAmount} > {before.PenaltyAmount}");
        }, iter: 300);
    }

    [Fact]
    public void The_month_total_respects_the_total_cap()
    {
        Gen.Select(TicketGen.Array[1, 60], Gen.Int[0, 100]).Sample((tickets, cap) =>
        {
            var contract = DefaultAssessmentContract.Contract with { Options = InterpretationOptions.Default with { TotalCap = Percent.Of(cap) } };
            var result = Assess(tickets, contract);
            Assert.True(result.PenaltyAmount <= Percent.Of(cap).Of(Money.Brl(50_000m)));
        }, iter: 200);
    }
}
