using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tickets;

/// <summary>Argument and status guards, and appending an event.</summary>
public sealed partial class Ticket
{
    private static void Require(Actor actor) => ArgumentNullException.ThrowIfNull(actor);

    private void RequireStatus(string verb, params TicketStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(TicketErrors.IllegalTransition, $"Cannot {verb} ticket {Protocol}: it is {Status}.");
        }
    }

    private static string RequireReason(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException(TicketErrors.ReasonRequired, "A reason is required.");
        }

        return text.Length > MaxReasonLength
            ? throw new DomainException(TicketErrors.TextTooLong, $"The reason is longer than {MaxReasonLength} characters.")
            : text;
    }

    private static string RequireText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(TicketErrors.TextRequired, "The text is required.");
        }

        return text.Length > MaxTextLength
            ? throw new DomainException(TicketErrors.TextTooLong, $"The text is longer than {MaxTextLength} characters.")
            : text.Trim();
    }

    private static string RequireCode(string? code, string name)
    {
        var text = code?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > MaxCodeLength
            ? throw new DomainException(TicketErrors.CodeRequired, $"The {name} code is required (at most {MaxCodeLength} characters).")
            : text;
    }

    private void Append(DateTimeOffset at, Actor actor, TicketEventData data)
    {
        var e = EventHasher.Chain(_history.Count == 0 ? null : _history[^1], at, actor, data);
        _history.Add(e);
        Apply(e);
    }
}
