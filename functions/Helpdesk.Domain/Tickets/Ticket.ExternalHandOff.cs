using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets;

/// <summary>Hand-off to an external team and its return (docs/decisions/ADR-011).</summary>
public sealed partial class Ticket
{
    /// <summary>Level 2 forwards the open ticket to an external team, naming that team's own record. The ticket stays
    /// open at level 2 with the team (see <see cref="CurrentExternalHandOff"/>) until its return is recorded. Forwarding
    /// again to the same team and record changes nothing; to another, the return must be recorded first.</summary>
    public bool ForwardToExternalTeam(ExternalTeam team, string reference, string reason, Actor agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(team);
        Require(agent);
        RequireStatus("forward", TicketStatus.Open);
        if (Level != SupportGroup.Level2)
        {
            throw new DomainException(TicketErrors.ForwardNotAtLevel2, $"Ticket {Protocol} is at level {Level}: escalate it to level 2 before forwarding it to an external team.");
        }

        var record = reference?.Trim();
        if (string.IsNullOrEmpty(record) || record.Length > MaxReferenceLength)
        {
            throw new DomainException(TicketErrors.ForwardReferenceRequired, $"The external team's record reference is required (at most {MaxReferenceLength} characters).");
        }

        if (CurrentExternalHandOff is { } current)
        {
            return string.Equals(current.Team, team.Code, StringComparison.Ordinal) && string.Equals(current.Reference, record, StringComparison.Ordinal)
                ? false
                : throw new DomainException(TicketErrors.ForwardAlreadyAtExternalTeam, $"Ticket {Protocol} is with the external team {current.Team} ({current.Reference}): record its return first.");
        }

        Append(now, agent, new TicketForwardedToExternalTeam(team.Code, team.Name, record, RequireReason(reason)));
        return true;
    }

    /// <summary>The external team gave the ticket back, with an optional note. Recording it again changes nothing.</summary>
    public bool RecordExternalReturn(string? note, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        RequireStatus("recordExternalReturn", TicketStatus.Open, TicketStatus.PendingOnRequester);
        if (CurrentExternalHandOff is not { } current)
        {
            return _externalHandOffs.Count > 0
                ? false
                : throw new DomainException(TicketErrors.ReturnNotForwarded, $"Ticket {Protocol} was never forwarded to an external team.");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxReasonLength })
        {
            throw new DomainException(TicketErrors.ReturnNoteTooLong, $"The note is longer than {MaxReasonLength} characters.");
        }

        Append(now, agent, new ExternalTeamReturned(current.Team, current.Reference, text));
        return true;
    }
}
