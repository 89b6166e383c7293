namespace Helpdesk.Domain.Exports;

/// <summary>
/// One event of a ticket's history as exported (docs/ticket-export.md). <see cref="Score"/> only on <c>rated</c>
/// (0–10); <see cref="FirstContact"/> only on <c>resolved</c>; <see cref="ToLevel"/> and <see cref="Group"/> on <c>escalated</c>.
/// </summary>
public sealed record ExportedEvent
{
    public required ExportedEventType Type { get; init; }

    public required DateTimeOffset At { get; init; }

    public int? Score { get; init; }

    public bool? FirstContact { get; init; }

    public int? ToLevel { get; init; }

    public string? Group { get; init; }
}
