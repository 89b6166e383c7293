using Helpdesk.Domain.Assessment;

namespace Helpdesk.Domain.Indicators;

/// <summary>The camelCase names channels have in the export and in reports.</summary>
public static class ChannelNames
{
    public static string Of(TicketChannel channel) => channel switch
    {
        TicketChannel.Phone => "phone",
        TicketChannel.Email => "email",
        TicketChannel.WebForm => "webForm",
        TicketChannel.Api => "api",
        TicketChannel.Chat => "chat",
        TicketChannel.Chatbot => "chatbot",
        TicketChannel.InPerson => "inPerson",
        TicketChannel.Letter => "letter",
        _ => "other",
    };
}
