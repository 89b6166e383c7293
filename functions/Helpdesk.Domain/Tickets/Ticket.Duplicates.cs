using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets;

/// <summary>Duplicates: merging into another ticket and accepting a duplicate.</summary>
public sealed partial class Ticket
{
    /// <summary>This ticket duplicates <paramref name="target"/>: it ends as merged. The caller records the duplicate on
    /// the target with <see cref="AcceptDuplicate"/>.</summary>
    public bool MergeInto(Ticket target, string reason, Actor agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        Require(agent);
        if (target.Id == Id)
        {
            throw new DomainException(TicketErrors.MergeIntoItself, "A ticket cannot be merged into itself.");
        }

        if (Status == TicketStatus.Merged)
        {
            return MergedInto == target.Protocol
                ? false
                : throw new DomainException(TicketErrors.IllegalTransition, $"Ticket {Protocol} was already merged into {MergedInto}.");
        }

        RequireStatus("merge", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester);
        if (!target.IsActive)
        {
            throw new DomainException(TicketErrors.MergeTargetNotActive, $"Ticket {target.Protocol} is {target.Status}: merge into an active ticket.");
        }

        Append(now, agent, new TicketMerged(target.Protocol.ToString(), RequireReason(reason)));
        return true;
    }

    /// <summary>Records that <paramref name="duplicate"/> was merged into this ticket.</summary>
    public bool AcceptDuplicate(ProtocolNumber duplicate, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (duplicate == Protocol)
        {
            throw new DomainException(TicketErrors.MergeIntoItself, "A ticket cannot be merged into itself.");
        }

        if (_duplicates.Contains(duplicate.ToString()))
        {
            return false;
        }

        if (!IsActive)
        {
            throw new DomainException(TicketErrors.MergeTargetNotActive, $"Ticket {Protocol} is {Status}: merge into an active ticket.");
        }

        Append(now, agent, new DuplicateMerged(duplicate.ToString()));
        return true;
    }
}
