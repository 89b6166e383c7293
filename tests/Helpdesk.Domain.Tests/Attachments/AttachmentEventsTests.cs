using System.Text.Json;
using Helpdesk.Domain.Attachments;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tests.Attachments;

/// <summary>Files on the message events: old events keep their canonical form (and hash); files are on the messages and
/// listed for LGPD (issue 19).</summary>
public sealed class AttachmentEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_message_without_files_keeps_the_canonical_form_it_had_before_attachments_existed()
    {
        var json = JsonSerializer.Serialize<TicketEventData>(new MessageReceived("m@x", "a@b.gov.br", "Assunto", "Texto", null, Now, 0), EventHasher.CanonicalJson);
        var sent = JsonSerializer.Serialize<TicketEventData>(new MessageSent("m@x", "a@b.gov.br", "Assunto", "Texto", "reply"), EventHasher.CanonicalJson);

        Assert.Equal("{\"type\":\"messageReceived\",\"messageId\":\"m@x\",\"from\":\"a@b.gov.br\",\"subject\":\"Assunto\",\"text\":\"Texto\",\"html\":null,\"receivedAt\":\"2026-11-24T12:00:00+00:00\",\"attachmentCount\":0,\"kind\":\"messageReceived\"}", json);
        Assert.Equal("{\"type\":\"messageSent\",\"messageId\":\"m@x\",\"to\":\"a@b.gov.br\",\"subject\":\"Assunto\",\"text\":\"Texto\",\"purpose\":\"reply\",\"kind\":\"messageSent\"}", sent);
    }

    [Fact]
    public void Files_received_and_sent_are_on_their_messages_survive_rehydration_and_are_listed_for_lgpd()
    {
        var pdf = new AttachmentRef("a1", "relatório.pdf", "application/pdf", 10, new string('a', 64));
        var image = new AttachmentRef("a2", "anexo-1.png", "image/png", 5, new string('b', 64), "img@x", Inline: true);
        var sent = new AttachmentRef("a3", "passo.txt", "text/plain", 3, new string('c', 64));
        var request = new NewTicket("Erro", "Texto", EmailAddress.Parse("maria@ifsp.edu.br"), null, Channel.Email, Now)
        {
            MessageId = "m1@x",
            Attachments = new MessageAttachments([pdf, image], [new RefusedAttachment("setup.exe", 8, "tipo de arquivo bloqueado (.exe)")]),
        };
        var ticket = Ticket.Register(new TicketId(Guid.NewGuid()), ProtocolNumber.Create(2026, 1), request, Now);
        ticket.Reply("r1@x", "RE: Erro", "Segue.", new Actor("agent", "ana"), Now, [sent]);

        var again = Ticket.Rehydrate(ticket.Id, ticket.History);

        Assert.Equal([pdf, image], again.Messages[0].Attachments);
        Assert.Equal("setup.exe", Assert.Single(again.Messages[0].RefusedAttachments).Name);
        Assert.Equal([sent], again.Messages[^1].Attachments);
        Assert.Equal([pdf, image, sent], again.AttachmentReferences());
        Assert.Equal(image, again.FindAttachment("a2"));
        Assert.Null(again.FindAttachment("zz"));
        Assert.True(HistoryVerification.Verify(again.History, again.HeadHash).IsValid);
    }
}
