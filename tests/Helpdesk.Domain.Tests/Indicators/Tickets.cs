using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Tests.Indicators;

/// <summary>Builds export records for tests. Times are São Paulo local (UTC−3).</summary>
internal static class Tickets
{
    public static readonly TimeSpan Brt = TimeSpan.FromHours(-3);

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, Brt);

    public static ExportedTicket Ticket(
        string protocol,
        DateTimeOffset received,
        ExportedChannel channel = ExportedChannel.Email,
        TicketKind kind = TicketKind.Request,
        int registeredAfterMinutes = 1,
        DateTimeOffset? due = null,
        decimal? activityValue = null,
        string uf = "DF",
        params ExportedEvent[] events) => new()
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

    public static ExportedEvent Reply(DateTimeOffset at) => new() { Type = ExportedEventType.AgentReply, At = at };

    public static ExportedEvent Resolved(DateTimeOffset at, bool firstContact = false) => new() { Type = ExportedEventType.Resolved, At = at, FirstContact = firstContact };

    public static ExportedEvent Rated(DateTimeOffset at, int score) => new() { Type = ExportedEventType.Rated, At = at, Score = score };

    public static ExportedEvent Reopened(DateTimeOffset at) => new() { Type = ExportedEventType.Reopened, At = at };

    public static ExportedEvent Cancelled(DateTimeOffset at) => new() { Type = ExportedEventType.Cancelled, At = at };
}
