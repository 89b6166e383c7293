using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using MimeKit;

namespace Helpdesk.FunctionApp.Tests.Intake;

public sealed class MailboxIntakeTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_new_message_opens_a_ticket_and_the_requester_gets_the_protocol_by_email()
    {
        using var response = await _app.PostEmailAsync(Emails.Plain("first@ifsp.edu.br"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var protocol = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString();
        Assert.Matches(@"^\d{4}\d{7}$", protocol);
        Assert.Equal("/api/tickets/" + protocol, response.Headers.Location?.OriginalString);

        await RunningApp.WaitUntilAsync(() => Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder, "*.eml").Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment .eml");
        var ack = await MimeMessage.LoadAsync(Directory.GetFiles(_app.SentMailFolder, "*.eml")[0], TestContext.Current.CancellationToken);
        Assert.Equal("maria.silva@ifsp.edu.br", ack.To.Mailboxes.Single().Address);
        Assert.Contains(protocol!, ack.Subject, StringComparison.Ordinal);
        Assert.Contains($"protocolo {protocol}", ack.TextBody, StringComparison.Ordinal);
        Assert.Contains("Recebemos sua mensagem", ack.TextBody, StringComparison.Ordinal);
        Assert.Equal("first@ifsp.edu.br", ack.InReplyTo);
        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_changes_nothing()
    {
        using var first = await _app.PostEmailAsync(Emails.Plain("twice@ifsp.edu.br"));
        var protocol = (await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString();
        await RunningApp.WaitUntilAsync(() => Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder, "*.eml").Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");

        using var second = await _app.PostEmailAsync(Emails.Plain("twice@ifsp.edu.br"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(protocol, body.GetProperty("protocol").GetString());
        Assert.Equal("duplicate", body.GetProperty("outcome").GetString());
        var ticket = await _app.Staff().GetFromJsonAsync<JsonElement>("/api/tickets/" + protocol, TestContext.Current.CancellationToken);
        Assert.Equal(2, ticket.GetProperty("messages").GetArrayLength()); // the request and its acknowledgment, once each
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Single(Directory.GetFiles(_app.SentMailFolder, "*.eml"));
    }

    [Fact]
    public async Task A_reply_to_the_acknowledgment_joins_the_ticket()
    {
        using var first = await _app.PostEmailAsync(Emails.Plain("thread-start@ifsp.edu.br"));
        var protocol = (await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString();
        await RunningApp.WaitUntilAsync(() => Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder, "*.eml").Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        var ack = await MimeMessage.LoadAsync(Directory.GetFiles(_app.SentMailFolder, "*.eml")[0], TestContext.Current.CancellationToken);

        using var reply = await _app.PostEmailAsync(Emails.Plain(
            "reply-1@ifsp.edu.br",
            subject: "Re: " + ack.Subject,
            body: "Segue o print do erro.",
            extraHeaders: $"In-Reply-To: <{ack.MessageId}>\r\nReferences: <thread-start@ifsp.edu.br> <{ack.MessageId}>\r\n"));

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var body = await reply.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(protocol, body.GetProperty("protocol").GetString());
        Assert.Equal("threaded", body.GetProperty("outcome").GetString());
        var ticket = await _app.Staff().GetFromJsonAsync<JsonElement>("/api/tickets/" + protocol, TestContext.Current.CancellationToken);
        var texts = ticket.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Contains(texts, t => t!.Contains("Segue o print do erro.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_protocol_in_the_subject_threads_only_for_the_tickets_own_requester()
    {
        using var first = await _app.PostEmailAsync(Emails.Plain("subject-thread@ifsp.edu.br"));
        var protocol = (await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString();

        using var fromRequester = await _app.PostEmailAsync(Emails.Plain("subject-2@ifsp.edu.br", subject: $"RE: [Protocolo {protocol}] mais dados"));
        using var fromStranger = await _app.PostEmailAsync(Emails.Plain("subject-3@other.gov.br", from: "intruso@other.gov.br", subject: $"RE: [Protocolo {protocol}] mais dados"));

        Assert.Equal(HttpStatusCode.OK, fromRequester.StatusCode);
        Assert.Equal(protocol, (await fromRequester.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString());
        Assert.Equal(HttpStatusCode.Created, fromStranger.StatusCode);
        Assert.NotEqual(protocol, (await fromStranger.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString());
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\r\n", "auto-submitted")]
    [InlineData("X-Autoreply: yes\r\n", "auto-reply")]
    public async Task Auto_replies_never_open_a_ticket_are_never_held_nor_answered(string header, string reason)
    {
        using var response = await _app.PostEmailAsync(Emails.Plain("auto-" + reason + "@ufmg.br", extraHeaders: header));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("protocol").ValueKind);
        Assert.Equal("ignored", body.GetProperty("outcome").GetString());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        Assert.Empty(await _app.Staff().GetFromJsonAsync<JsonElement[]>("/api/mailbox/held", TestContext.Current.CancellationToken) ?? []);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder).Length > 0);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-generated\r\n", "auto-submitted")]
    [InlineData("Precedence: bulk\r\n", "precedence-bulk")]
    [InlineData("List-Id: <avisos.lists.gov.br>\r\n", "mailing-list")]
    [InlineData("Return-Path: <>\r\n", "bounce")]
    public async Task Other_automatic_messages_are_held_for_a_supervisor_and_never_answered(string header, string reason)
    {
        using var response = await _app.PostEmailAsync(Emails.Plain("held-" + reason + "@ufmg.br", extraHeaders: header));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("held", body.GetProperty("outcome").GetString());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        var held = Assert.Single(await _app.Staff().GetFromJsonAsync<JsonElement[]>("/api/mailbox/held", TestContext.Current.CancellationToken) ?? []);
        Assert.Equal("held-" + reason + "@ufmg.br", held.GetProperty("messageId").GetString());
        Assert.Equal(reason, held.GetProperty("reason").GetString());
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder).Length > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not an e-mail")]
    public async Task A_body_that_is_not_a_message_gets_a_problem_details_400(string body)
    {
        using var response = await _app.PostEmailAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_mailbox_wants_message_rfc822()
    {
        using var content = new StringContent(Emails.Plain("ct@ifsp.edu.br"));
        using var response = await _app.Client.PostAsync(new Uri("/api/mailbox/messages", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_file_dropped_in_the_inbox_folder_becomes_a_ticket()
    {
        Directory.CreateDirectory(_app.InboxFolder);
        await File.WriteAllTextAsync(Path.Combine(_app.InboxFolder, "dropped.eml"), Emails.Plain("dropped@ifsp.edu.br"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_app.InboxFolder, "garbage.eml"), "not a message", TestContext.Current.CancellationToken);

        var processed = Path.Combine(_app.DataDirectory, "mailbox", "processed", "dropped.eml");
        var rejected = Path.Combine(_app.DataDirectory, "mailbox", "rejected", "garbage.eml");
        await RunningApp.WaitUntilAsync(() => File.Exists(processed) && File.Exists(rejected), TimeSpan.FromSeconds(10), "the drop folder to be read");
        await RunningApp.WaitUntilAsync(() => Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder, "*.eml").Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");

        using var again = await _app.PostEmailAsync(Emails.Plain("dropped@ifsp.edu.br"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the dropped message was received and is known
    }
}
