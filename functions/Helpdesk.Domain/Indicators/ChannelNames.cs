using Helpdesk.Domain.Exports;

namespace Helpdesk.Domain.Indicators;

/// <summary>The camelCase names channels have in the export and in reports.</summary>
public static class ChannelNames
{
    public static string Of(ExportedChannel channel) => channel switch
    {
        ExportedChannel.Phone => "phone",
        ExportedChannel.Email => "email",
        ExportedChannel.WebForm => "webForm",
        ExportedChannel.Api => "api",
        ExportedChannel.Chat => "chat",
        ExportedChannel.Chatbot => "chatbot",
        ExportedChannel.InPerson => "inPerson",
        ExportedChannel.Letter => "letter",
        _ => "other",
    };
}
