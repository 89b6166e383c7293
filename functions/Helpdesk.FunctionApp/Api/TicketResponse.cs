using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Api;

public sealed record TicketMessageResponse(string Direction, string Party, string Subject, string Text, DateTimeOffset At, string? Purpose);

public sealed record TicketEventResponse(int Sequence, DateTimeOffset At, string Actor, string Type, string Hash);

/// <summary>A ticket as the API shows it. Instants carry the São Paulo offset.</summary>
public sealed record TicketResponse(
    string Protocol,
    string Id,
    string Status,
    string Subject,
    string RequesterEmail,
    string? RequesterName,
    string Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RegisteredAt,
    int Version,
    IReadOnlyList<TicketMessageResponse> Messages,
    IReadOnlyList<TicketEventResponse> History)
{
    public static TicketResponse From(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new TicketResponse(
            ticket.Protocol.ToString(),
            ticket.Id.ToString(),
            JsonName(ticket.Status.ToString()),
            ticket.Subject,
            ticket.RequesterEmail.Value,
            ticket.RequesterName,
            JsonName(ticket.Channel.ToString()),
            SaoPaulo.ToLocal(ticket.ReceivedAt),
            SaoPaulo.ToLocal(ticket.RegisteredAt),
            ticket.CommittedVersion,
            [.. ticket.Messages.Select(m => new TicketMessageResponse(JsonName(m.Direction.ToString()), m.Party, m.Subject, m.Text, SaoPaulo.ToLocal(m.At), m.Purpose))],
            [.. ticket.History.Select(e => new TicketEventResponse(e.Sequence, SaoPaulo.ToLocal(e.At), e.Actor.ToString(), e.Data.Kind, e.Hash))]);
    }

    private static string JsonName(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
