using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets;

/// <summary>The lifecycle: pending on the requester and back, resolved, reopened, closed, cancelled.</summary>
public sealed partial class Ticket
{
    /// <summary>The ticket waits on the requester: the clock is suspended until they answer or an agent resumes.</summary>
    public bool SetPendingOnRequester(string reason, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Status == TicketStatus.PendingOnRequester)
        {
            return false;
        }

        RequireStatus("setPending", TicketStatus.Open);
        Append(now, agent, new TicketPendingOnRequester(RequireReason(reason)));
        return true;
    }

    /// <summary>Ends the pendency (e.g. the requester answered by phone).</summary>
    public bool Resume(string reason, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Status == TicketStatus.Open)
        {
            return false;
        }

        RequireStatus("resume", TicketStatus.PendingOnRequester);
        Append(now, agent, new TicketResumed(RequireReason(reason)));
        return true;
    }

    /// <summary>Resolves the ticket. First-contact resolution is only possible for a ticket never escalated nor reopened.</summary>
    public bool Resolve(bool resolvedAtFirstContact, string resolution, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Status == TicketStatus.Resolved)
        {
            return false;
        }

        RequireStatus("resolve", TicketStatus.Open, TicketStatus.PendingOnRequester);
        if (CurrentExternalHandOff is { } handOff)
        {
            throw new DomainException(TicketErrors.ResolveAtExternalTeam, $"Ticket {Protocol} is with the external team {handOff.Team} ({handOff.Reference}): record its return first.");
        }

        var text = RequireText(resolution);
        if (resolvedAtFirstContact && WasEscalated)
        {
            throw new DomainException(TicketErrors.FirstContactAfterEscalation, "An escalated ticket was not resolved at first contact.");
        }

        if (resolvedAtFirstContact && ReopenCount > 0)
        {
            throw new DomainException(TicketErrors.FirstContactAfterReopening, "A reopened ticket was not resolved at first contact.");
        }

        Append(now, agent, new TicketResolved(resolvedAtFirstContact, text));
        return true;
    }

    /// <summary>Reopens a resolved ticket (an agent's decision; the requester reopens by answering, see
    /// <see cref="ReceiveRequesterMessage"/>).</summary>
    public bool Reopen(string reason, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (Status == TicketStatus.Open)
        {
            return false;
        }

        RequireStatus("reopen", TicketStatus.Resolved);
        Append(now, actor, new TicketReopened(RequireReason(reason)));
        return true;
    }

    /// <summary>Closes a resolved ticket for good.</summary>
    public bool Close(string reason, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (Status == TicketStatus.Closed)
        {
            return false;
        }

        RequireStatus("close", TicketStatus.Resolved);
        Append(now, actor, new TicketClosed(RequireReason(reason)));
        return true;
    }

    public bool Cancel(string reason, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (Status == TicketStatus.Cancelled)
        {
            return false;
        }

        RequireStatus("cancel", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester);
        Append(now, actor, new TicketCancelled(RequireReason(reason)));
        return true;
    }
}
