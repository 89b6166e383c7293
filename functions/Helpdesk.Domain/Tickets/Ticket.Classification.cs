using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets;

/// <summary>Classification: category, priority and the requester's UF.</summary>
public sealed partial class Ticket
{
    /// <summary>Classifies the ticket in the service catalogue (codes checked against the catalogue by the caller).</summary>
    public bool Classify(string category, string priority, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        RequireStatus("classify", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester, TicketStatus.Resolved);
        var c = RequireCode(category, nameof(category));
        var p = RequireCode(priority, nameof(priority));
        if (string.Equals(c, Category, StringComparison.Ordinal) && string.Equals(p, Priority, StringComparison.Ordinal))
        {
            return false;
        }

        Append(now, agent, new TicketClassified(c, p));
        return true;
    }

    /// <summary>An agent sets (or clears, with null) the requester's UF. Allowed in every status: it corrects the record
    /// the regulator reads, like a note documents a ticket after it ends. Setting the same UF again changes nothing.</summary>
    public bool ChangeUf(Uf? uf, string? reason, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Uf == uf)
        {
            return false;
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReasonLength })
        {
            throw new DomainException(TicketErrors.TextTooLong, $"The reason is longer than {MaxReasonLength} characters.");
        }

        Append(now, agent, new TicketUfChanged(uf?.Code, Uf?.Code, why));
        return true;
    }
}
