using Helpdesk.Domain.Assessment;

namespace Helpdesk.Domain.Tests.Assessment;

/// <summary>Builds export records for tests. Times are São Paulo local (UTC−3).</summary>
internal static class Tickets
{
    public static readonly TimeSpan Brt = TimeSpan.FromHours(-3);

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, Brt);

    public static TicketRecord Ticket(
        string protocol,
        DateTimeOffset received,
        TicketChannel channel = TicketChannel.Email,
        TicketKind kind = TicketKind.Request,
        int registeredAfterMinutes = 1,
        DateTimeOffset? due = null,
        decimal? activityValue = null,
        string uf = "DF",
        params TicketEvent[] events) => new()
        {
            Protocol = protocol,
            Channel = channel,
            Kind = kind,
            ReceivedAt = received,
            RegisteredAt = received.AddMinutes(registeredAfterMinutes),
            Category = "acesso",
            Group = "N1",
            Uf = uf,
            Institution = "MEC",
            ResolutionDueAt = due,
            ActivityValue = activityValue,
            Events = events,
        };

    public static TicketEvent Reply(DateTimeOffset at) => new() { Type = TicketEventType.AgentReply, At = at };

    public static TicketEvent Resolved(DateTimeOffset at, bool firstContact = false) => new() { Type = TicketEventType.Resolved, At = at, FirstContact = firstContact };

    public static TicketEvent Rated(DateTimeOffset at, int score) => new() { Type = TicketEventType.Rated, At = at, Score = score };

    public static TicketEvent Reopened(DateTimeOffset at) => new() { Type = TicketEventType.Reopened, At = at };

    public static TicketEvent Cancelled(DateTimeOffset at) => new() { Type = TicketEventType.Cancelled, At = at };
}
