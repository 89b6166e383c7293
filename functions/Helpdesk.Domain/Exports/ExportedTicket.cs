using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Exports;

/// <summary>
/// One ticket of the history export: one JSON object per line of a JSONL file (docs/ticket-export.md), the format the
/// product exports and <c>helpdesk assess</c> reads. Instants carry their offset. <see cref="ResolutionDueAt"/> is the
/// resolution deadline that applied, already moved by suspensions; <see cref="ActivityValue"/> marks a service order
/// (indicator 5) and gives its value in BRL. Use <see cref="Validate"/> after parsing.
/// </summary>
public sealed record ExportedTicket
{
    public required string Protocol { get; init; }

    public required ExportedChannel Channel { get; init; }

    public TicketKind Kind { get; init; } = TicketKind.Request;

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public string Category { get; init; } = "";

    public string Priority { get; init; } = "";

    public string Uf { get; init; } = "";

    public string Group { get; init; } = "";

    public int Level { get; init; } = 1;

    public string Institution { get; init; } = "";

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public string? ResolutionTarget { get; init; }

    public decimal? ActivityValue { get; init; }

    public IReadOnlyList<ExportedEvent> Events { get; init; } = [];

    /// <summary>The first problem found, naming the field; null when the record is usable.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Protocol))
        {
            return "protocol: required";
        }

        if (RegisteredAt < ReceivedAt)
        {
            return "registeredAt: earlier than receivedAt";
        }

        if (Uf.Length is not (0 or 2))
        {
            return "uf: two letters expected";
        }

        if (Level is < 1 or > 9)
        {
            return "level: between 1 and 9";
        }

        if (ActivityValue is < 0m)
        {
            return "activityValue: cannot be negative";
        }

        if (Events is null)
        {
            return "events: must be an array";
        }

        for (var i = 0; i < Events.Count; i++)
        {
            var e = Events[i];
            if (e is null)
            {
                return $"events[{i}]: null";
            }

            if (e.Type == ExportedEventType.Rated && e.Score is not (>= 0 and <= 10))
            {
                return $"events[{i}].score: a rating between 0 and 10 is required";
            }

            if (i > 0 && e.At < Events[i - 1].At)
            {
                return $"events[{i}].at: events must be in time order";
            }
        }

        return null;
    }
}
