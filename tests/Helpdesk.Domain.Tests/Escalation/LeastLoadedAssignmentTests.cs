using Helpdesk.Domain.Escalation;

namespace Helpdesk.Domain.Tests.Escalation;

public class LeastLoadedAssignmentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_available_agent_with_fewest_active_tickets_gets_it()
    {
        var chosen = LeastLoadedAssignment.Choose(
        [
            new AgentWorkload("ana", Available: true, ActiveTickets: 3, T0),
            new AgentWorkload("bruno", Available: true, ActiveTickets: 1, T0),
            new AgentWorkload("carla", Available: false, ActiveTickets: 0, null),
        ]);

        Assert.Equal("bruno", chosen);
    }

    [Fact]
    public void Ties_go_to_whoever_waited_longest_then_by_id()
    {
        Assert.Equal("bruno", LeastLoadedAssignment.Choose(
        [
            new AgentWorkload("ana", true, 2, T0),
            new AgentWorkload("bruno", true, 2, T0.AddHours(-3)),
        ]));
        Assert.Equal("ana", LeastLoadedAssignment.Choose(
        [
            new AgentWorkload("bruno", true, 2, null),
            new AgentWorkload("ana", true, 2, null),
        ]));
    }

    [Fact]
    public void Nobody_available_leaves_the_ticket_with_the_group()
    {
        Assert.Null(LeastLoadedAssignment.Choose([new AgentWorkload("ana", false, 0, null)]));
    }

    [Fact]
    public void Assigning_a_stream_of_tickets_keeps_loads_within_one_of_each_other()
    {
        var loads = new Dictionary<string, int> { ["ana"] = 0, ["bruno"] = 4, ["carla"] = 1 };
        var last = new Dictionary<string, DateTimeOffset?> { ["ana"] = null, ["bruno"] = null, ["carla"] = null };
        for (var i = 0; i < 30; i++)
        {
            var chosen = LeastLoadedAssignment.Choose(loads.Select(l => new AgentWorkload(l.Key, true, l.Value, last[l.Key])))!;
            loads[chosen]++;
            last[chosen] = T0.AddMinutes(i);
        }

        Assert.InRange(loads.Values.Max() - loads.Values.Min(), 0, 1);
        Assert.Equal(35, loads.Values.Sum());
    }
}
