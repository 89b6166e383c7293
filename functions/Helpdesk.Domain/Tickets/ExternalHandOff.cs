namespace Helpdesk.Domain.Tickets;

/// <summary>One forwarding of the ticket to an external team, from the forward until the team's return (null while the
/// team has it). <see cref="Reference"/> is the team's own record (e.g. its issue or change number).</summary>
public sealed record ExternalHandOff(
    string Team,
    string TeamName,
    string Reference,
    string Reason,
    DateTimeOffset ForwardedAt,
    string ForwardedBy,
    DateTimeOffset? ReturnedAt,
    string? ReturnNote)
{
    public bool IsOpen => ReturnedAt is null;
}
