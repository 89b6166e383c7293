using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tickets;

/// <summary>Applying an event to the state: the only place the state changes.</summary>
public sealed partial class Ticket
{
    private void Apply(TicketEvent e)
    {
        switch (e.Data)
        {
            case TicketRegistered r:
                Protocol = ProtocolNumber.TryParse(r.Protocol, out var p)
                    ? p
                    : throw new DomainException("ticket.protocol.invalid", "The registration carries an invalid protocol.");
                Subject = r.Subject;
                RequesterEmail = EmailAddress.Parse(r.RequesterEmail);
                RequesterName = r.RequesterName;
                Channel = r.Channel;
                ReceivedAt = r.ReceivedAt;
                RegisteredAt = e.At;
                Status = TicketStatus.New;
                Institution = r.Institution;
                RequesterTaxId = r.RequesterTaxId is { } taxId ? TaxId.Parse(taxId) : null;
                FollowsProtocol = ProtocolNumber.TryParse(r.FollowsProtocol, out var follows) ? follows : null;
                Uf = Common.Uf.TryParse(r.Uf, out var uf) ? uf : null;
                InstitutionCode = r.InstitutionCode;
                break;
            case TicketUfChanged changed:
                Uf = Common.Uf.TryParse(changed.Uf, out var newUf) ? newUf : null;
                break;
            case MessageReceived m:
                _messages.Add(new TicketMessage(MessageDirection.Inbound, m.MessageId, m.From, m.Subject, m.Text, m.Html, m.ReceivedAt, null)
                {
                    Attachments = m.Attachments ?? [],
                    RefusedAttachments = m.RefusedAttachments ?? [],
                });
                break;
            case MessageSent s:
                _messages.Add(new TicketMessage(MessageDirection.Outbound, s.MessageId, s.To, s.Subject, s.Text, null, e.At, s.Purpose) { Author = e.Actor.Id, Attachments = s.Attachments ?? [] });
                if (e.Actor.Kind == "agent" && FirstResponseAt is null)
                {
                    FirstResponseAt = e.At;
                }

                break;
            case TicketAssigned a:
                Assignee = a.Assignee;
                Group = a.Group;
                if (Status == TicketStatus.New && a.Assignee is not null)
                {
                    Status = TicketStatus.Open;
                }

                break;
            case TicketEscalated x:
                Level = x.ToLevel;
                Group = x.Group;
                Assignee = null;
                WasEscalated = true;
                if (Status == TicketStatus.New)
                {
                    Status = TicketStatus.Open;
                }

                break;
            case TicketPendingOnRequester:
                Status = TicketStatus.PendingOnRequester;
                _suspensions.Add(new Suspension(e.At, null));
                break;
            case TicketResumed:
                Status = TicketStatus.Open;
                EndSuspension(e.At);
                break;
            case TicketResolved resolved:
                EndSuspension(e.At);
                Status = TicketStatus.Resolved;
                ResolvedAt = e.At;
                ResolvedAtFirstContact = resolved.ResolvedAtFirstContact;
                Resolution = resolved.Resolution;
                break;
            case TicketReopened:
                Status = TicketStatus.Open;
                ResolvedAt = null;
                ResolvedAtFirstContact = null;
                Resolution = null;
                ReopenCount++;
                break;
            case TicketClosed:
                Status = TicketStatus.Closed;
                ClosedAt = e.At;
                break;
            case TicketCancelled:
                EndSuspension(e.At);
                Status = TicketStatus.Cancelled;
                ClosedAt = e.At;
                break;
            case TicketMerged merged:
                EndSuspension(e.At);
                Status = TicketStatus.Merged;
                ClosedAt = e.At;
                MergedInto = ProtocolNumber.TryParse(merged.IntoProtocol, out var into) ? into : null;
                break;
            case DuplicateMerged d:
                _duplicates.Add(d.DuplicateProtocol);
                break;
            case InternalNoteAdded n:
                _notes.Add(new InternalNote(e.Sequence, e.At, e.Actor.Id, n.Text));
                break;
            case TicketClassified c:
                Category = c.Category;
                Priority = c.Priority;
                break;
            case SatisfactionRated s:
                Rating = new SatisfactionRating(s.Score, s.Comment, e.At);
                break;
            case EscalationRouted routed:
                _routedEscalations.Add(routed.EscalationId);
                Group = routed.Group;
                Assignee = routed.Assignee;
                break;
            case DeadlineAlerted alerted:
                var key = alerted.DueAt.ToUniversalTime();
                if (alerted.Stage > _deadlineAlerts.GetValueOrDefault(key, DeadlineStage.None))
                {
                    _deadlineAlerts[key] = alerted.Stage;
                }
                break;
            case TicketForwardedToExternalTeam f:
                _externalHandOffs.Add(new ExternalHandOff(f.Team, f.TeamName, f.Reference, f.Reason, e.At, e.Actor.Id, null, null));
                break;
            case ExternalTeamReturned r when _externalHandOffs.Count > 0:
                _externalHandOffs[^1] = _externalHandOffs[^1] with { ReturnedAt = e.At, ReturnNote = r.Note };
                break;
            case ExternalTeamReturned:
                break;
            case MessageUndelivered:
                break; // documents the mail's fate; the ticket's state and clocks do not change
            case PersonalDataErased:
                PersonalDataErasedAt = e.At; // the entries before it were rewritten; state and clocks do not change
                break;
            default:
                throw new DomainException("ticket.event.unknown", $"Unknown event kind {e.Data.Kind}.");
        }
    }

    private void EndSuspension(DateTimeOffset at)
    {
        if (_suspensions.Count > 0 && _suspensions[^1].To is null)
        {
            _suspensions[^1] = _suspensions[^1] with { To = at };
        }
    }
}
