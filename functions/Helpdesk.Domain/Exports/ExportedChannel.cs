namespace Helpdesk.Domain.Exports;

/// <summary>
/// Where a ticket came in, as the history export writes it (seed 002 "meio utilizado"; seed 003 4.14 channels): the
/// annexes' nine channels, wider than the desk's own <see cref="Tickets.Channel"/>, which maps onto them
/// (<c>ExportedTicketMapper</c>). Records from other systems (a call centre's phone, chat and chatbot) use the rest.
/// </summary>
public enum ExportedChannel
{
    Phone,
    Email,
    WebForm,
    Api,
    Chat,
    Chatbot,
    InPerson,
    Letter,
    Other,
}
