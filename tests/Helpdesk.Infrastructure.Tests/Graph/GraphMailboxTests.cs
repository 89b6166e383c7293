using Helpdesk.Application.Tickets;
using System.Net;
using System.Text.Json;
using Helpdesk.Application.Intake;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Graph;
using Helpdesk.Infrastructure.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Infrastructure.Tests.Graph;

/// <summary>The Graph adapters through the real SDK, against Graph's documented JSON replayed by <see cref="FakeGraph"/>;
/// tickets go through the real intake into a real SQLite store.</summary>
public sealed class GraphMailboxTests : IDisposable
{
    private const string NotificationUrl = "https://helpdesk.example.gov.br/api/graph/notifications";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 15, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdesk-graph-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeGraph _graph = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly GraphOptions _options = new()
    {
        MailboxUserId = GraphJson.Mailbox,
        ClientState = "s3cr3t-client-state-1234",
        NotificationUrl = new Uri(NotificationUrl),
    };

    private readonly SqliteDatabase _database;
    private readonly SqliteTicketStore _store;

    public GraphMailboxTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "helpdesk.db"));
        _store = new SqliteTicketStore(_database, new Support.NoOutboxSignal(), new NoTicketDeadlines());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GraphMailbox Mailbox => new(_graph.Client, _options, _clock, NullLogger<GraphMailbox>.Instance);

    private readonly RecordingThreadIndex _threads = new();

    private readonly Helpdesk.Infrastructure.Content.LocalFolderContentStore _content = new(Path.Combine(Path.GetTempPath(), "helpdesk-graph-content-" + Guid.NewGuid().ToString("N")));

    private GraphOutgoingMailbox Outgoing => new(_graph.Client, _options, _threads, _content);

    private GraphNotificationProcessor Processor => new(
        Mailbox,
        new TicketIntake(_store, new SystemIdGenerator(_clock), _clock, Options.Create(new IntakeOptions { SupportAddress = GraphJson.Mailbox }), NullLogger<TicketIntake>.Instance, new SqliteInstitutionDirectory(_database), Options.Create(new TicketOptions()), Helpdesk.Domain.Contracts.DefaultContract.Definition, new SqliteHeldMessages(_database), new SqliteProcessedMessages(_database),
            new Helpdesk.Application.Attachments.AttachmentKeeper(_content, Options.Create(new Helpdesk.Application.Attachments.AttachmentOptions()))),
        new SqliteProcessedMessages(_database),
        _clock,
        NullLogger<GraphNotificationProcessor>.Instance);

    private static GraphNotification Created(string id) => new()
    {
        SubscriptionId = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
        ChangeType = "created",
        ClientState = "s3cr3t-client-state-1234",
        Resource = $"Users/{GraphJson.Mailbox}/Messages/{id}",
        ResourceData = new GraphResourceData { Id = id, ODataType = "#Microsoft.Graph.Message" },
    };

    [Fact]
    public async Task A_message_is_fetched_with_immutable_ids_and_mapped_for_the_intake()
    {
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD1=", GraphJson.Message(
            "AAMkAD1=", "reply-1@ifsp.edu.br",
            headers: GraphJson.Header("In-Reply-To", "<ack-1@contoso.gov.br>") + GraphJson.Header("References", "<first@ifsp.edu.br> <ack-1@contoso.gov.br>") + GraphJson.Header("Auto-Submitted", "no")));

        var email = await Mailbox.FetchAsync("AAMkAD1=", Ct);

        var call = Assert.Single(_graph.Calls);
        Assert.Equal("IdType=\"ImmutableId\"", call.Headers["Prefer"]);
        Assert.Contains("$select=", call.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("internetMessageHeaders", call.PathAndQuery, StringComparison.Ordinal);
        Assert.NotNull(email);
        Assert.Equal("<reply-1@ifsp.edu.br>", email.MessageId);
        Assert.Equal("maria.silva@ifsp.edu.br", email.FromAddress);
        Assert.Equal("<ack-1@contoso.gov.br>", email.InReplyTo);
        Assert.Equal(["<first@ifsp.edu.br>", "<ack-1@contoso.gov.br>"], email.References);
        Assert.Equal("no", email.LoopHeaders["auto-submitted"]);
        Assert.Contains("erro\u00a0500", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", email.Text, StringComparison.Ordinal);
        Assert.NotNull(email.Html);
    }

    /// <summary>Issue 18: a Graph message's sender is read as the MIME intake reads it. Exchange passes a broken From
    /// through as it came; the raw headers are repaired, Reply-To is used when nothing else names the sender, and a
    /// guess is kept apart (no address) so that the intake holds the message.</summary>
    [Theory]
    [InlineData("maria .silva@ifsp.edu.br", "", "maria.silva@ifsp.edu.br", null)]
    [InlineData("", "", "maria.silva@ifsp.edu.br", null)]
    [InlineData("maria silva@ifsp.edu.br", "", null, "mariasilva@ifsp.edu.br")]
    public async Task A_broken_sender_from_graph_is_repaired_like_a_mime_one(string from, string rawFrom, string? expected, string? guess)
    {
        var headers = GraphJson.Header("From", rawFrom.Length > 0 ? rawFrom : $"Maria <{from}>") +
            (from.Length == 0 ? GraphJson.Header("Reply-To", "Maria <maria.silva@ifsp.edu.br>") : string.Empty);
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD7=", GraphJson.Message("AAMkAD7=", "broken-7@ifsp.edu.br", from: from, headers: headers));

        var email = await Mailbox.FetchAsync("AAMkAD7=", Ct);

        Assert.NotNull(email);
        Assert.Equal(expected, email.FromAddress);
        Assert.Equal(guess, email.SenderGuess);
    }

    [Fact]
    public async Task A_graph_message_whose_sender_is_only_a_guess_is_held()
    {
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD8=", GraphJson.Message(
            "AAMkAD8=", "guess-8@ifsp.edu.br", from: "maria silva@ifsp.edu.br", headers: GraphJson.Header("From", "Maria <maria silva@ifsp.edu.br>")));

        var outcome = await Processor.ProcessAsync(Created("AAMkAD8="), Ct);

        Assert.StartsWith("Held", outcome, StringComparison.Ordinal);
        Assert.Null(await _store.FindByMessageIdsAsync(["guess-8@ifsp.edu.br"], Ct));
    }

    [Fact]
    public async Task A_message_deleted_before_it_is_fetched_is_nothing()
    {
        Assert.Null(await Mailbox.FetchAsync("gone=", Ct));
    }

    [Fact]
    public async Task A_new_message_notification_opens_one_ticket_and_a_retried_one_does_not_fetch_the_message_again()
    {
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD2=", GraphJson.Message("AAMkAD2=", "first-2@ifsp.edu.br"));

        var first = await Processor.ProcessAsync(Created("AAMkAD2="), Ct);
        var second = await Processor.ProcessAsync(Created("AAMkAD2="), Ct);

        Assert.StartsWith("Created", first, StringComparison.Ordinal);
        Assert.Equal("message already processed", second);
        Assert.Single(_graph.Calls, c => c.PathAndQuery.Contains("/messages/AAMkAD2=", StringComparison.Ordinal));
        Assert.NotNull(await _store.FindByMessageIdsAsync(["first-2@ifsp.edu.br"], Ct));
    }

    [Fact]
    public async Task A_message_that_is_gone_is_not_remembered_as_processed()
    {
        var gone = await Processor.ProcessAsync(Created("AAMkAD9="), Ct);
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD9=", GraphJson.Message("AAMkAD9=", "late-9@ifsp.edu.br"));
        var later = await Processor.ProcessAsync(Created("AAMkAD9="), Ct);

        Assert.Equal("message no longer exists", gone);
        Assert.StartsWith("Created", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_automatic_reply_from_graph_is_recognised_by_its_headers_and_opens_nothing()
    {
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD3=", GraphJson.Message("AAMkAD3=", "ooo-3@ifsp.edu.br", subject: "Resposta automática: Não consigo acessar", headers: GraphJson.Header("Auto-Submitted", "auto-replied")));

        var outcome = await Processor.ProcessAsync(Created("AAMkAD3="), Ct);

        Assert.StartsWith("Ignored", outcome, StringComparison.Ordinal);
        Assert.Null(await _store.FindByMessageIdsAsync(["ooo-3@ifsp.edu.br"], Ct));
    }

    [Fact]
    public async Task Reauthorization_required_renews_the_subscription()
    {
        _graph.On(HttpMethod.Patch, "/v1.0/subscriptions/7f105c7d", GraphJson.Subscription("7f105c7d-2dc5-4530-97cd-4e7ae6534c07", Now.AddDays(6), NotificationUrl));

        await Processor.ProcessAsync(new GraphNotification { SubscriptionId = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07", LifecycleEvent = "reauthorizationRequired", ClientState = _options.ClientState }, Ct);

        var patch = Assert.Single(_graph.Calls);
        Assert.Equal(HttpMethod.Patch, patch.Method);
        Assert.Equal("/v1.0/subscriptions/7f105c7d-2dc5-4530-97cd-4e7ae6534c07", patch.PathAndQuery);
        Assert.Equal(Now.AddDays(6), JsonDocument.Parse(patch.Body).RootElement.GetProperty("expirationDateTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task Subscription_removed_creates_a_new_one_with_the_client_state_and_resynchronises()
    {
        _graph.On(HttpMethod.Post, "/v1.0/subscriptions", GraphJson.Subscription("new-sub", Now.AddDays(6), NotificationUrl), HttpStatusCode.Created);
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/mailFolders/inbox/messages/delta", GraphJson.DeltaPage(null));

        await Processor.ProcessAsync(new GraphNotification { SubscriptionId = "old-sub", LifecycleEvent = "subscriptionRemoved" }, Ct);

        var post = _graph.Calls.Single(c => c.Method == HttpMethod.Post);
        var body = JsonDocument.Parse(post.Body).RootElement;
        Assert.Equal("created", body.GetProperty("changeType").GetString());
        Assert.Equal(_options.ClientState, body.GetProperty("clientState").GetString());
        Assert.Equal(NotificationUrl, body.GetProperty("notificationUrl").GetString());
        Assert.Equal(NotificationUrl, body.GetProperty("lifecycleNotificationUrl").GetString());
        Assert.Equal($"users/{GraphJson.Mailbox}/mailFolders('inbox')/messages", body.GetProperty("resource").GetString());
        Assert.Contains(_graph.Calls, c => c.Method == HttpMethod.Get && c.PathAndQuery.Contains("/delta", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missed_notifications_are_recovered_with_a_delta_query_over_every_page()
    {
        var next = $"https://graph.microsoft.com/v1.0/users/{GraphJson.Mailbox}/mailFolders('inbox')/messages/delta?$skiptoken=page2";
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/mailFolders/inbox/messages/delta", GraphJson.DeltaPage(next, GraphJson.Message("m1=", "missed-1@ifsp.edu.br")));
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/mailFolders('inbox')/messages/delta?$skiptoken=page2", GraphJson.DeltaPage(null, GraphJson.Message("m2=", "missed-2@ifsp.edu.br", from: "joao@ifrs.edu.br")));

        var outcome = await Processor.ProcessAsync(new GraphNotification { SubscriptionId = "s", LifecycleEvent = "missed" }, Ct);
        var again = await Processor.ProcessAsync(new GraphNotification { SubscriptionId = "s", LifecycleEvent = "missed" }, Ct);

        var first = _graph.Calls[0];
        Assert.Contains("$filter=receivedDateTime ge 2026-11-21T12:15:00Z", first.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("IdType=\"ImmutableId\"", first.Headers["Prefer"]);
        Assert.Equal("resynchronised 2 message(s), 2 new ticket(s)", outcome);
        Assert.Equal("resynchronised 2 message(s), 0 new ticket(s)", again);
        Assert.NotNull(await _store.FindByMessageIdsAsync(["missed-2@ifsp.edu.br"], Ct));
    }

    [Theory]
    [InlineData(0, "created", "POST")]
    [InlineData(1, "renewed", "PATCH")]
    [InlineData(5, "kept", null)]
    public async Task The_timer_creates_a_missing_subscription_and_renews_one_that_expires_soon(int daysLeft, string action, string? write)
    {
        var list = daysLeft == 0
            ? "{\"value\":[]}"
            : "{\"value\":[" + GraphJson.Subscription("sub-1", Now.AddDays(daysLeft), NotificationUrl) + "]}";
        _graph.On(HttpMethod.Get, "/v1.0/subscriptions", list);
        _graph.On(HttpMethod.Post, "/v1.0/subscriptions", GraphJson.Subscription("sub-2", Now.AddDays(6), NotificationUrl), HttpStatusCode.Created);
        _graph.On(HttpMethod.Patch, "/v1.0/subscriptions/sub-1", GraphJson.Subscription("sub-1", Now.AddDays(6), NotificationUrl));

        Assert.Equal(action, await Mailbox.EnsureSubscriptionAsync(Ct));
        Assert.Equal(write, _graph.Calls.SingleOrDefault(c => c.Method != HttpMethod.Get)?.Method.Method);
    }

    [Fact]
    public async Task A_subscription_is_created_asking_for_immutable_ids()
    {
        _graph.On(HttpMethod.Post, "/v1.0/subscriptions", GraphJson.Subscription("sub-2", Now.AddDays(6), NotificationUrl), HttpStatusCode.Created);

        await Mailbox.CreateSubscriptionAsync(Ct);

        var create = Assert.Single(_graph.Calls, c => c.Method == HttpMethod.Post);
        Assert.Equal("IdType=\"ImmutableId\"", create.Headers["Prefer"]);
        Assert.Contains("\"clientState\":\"s3cr3t-client-state-1234\"", create.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "created")]
    [InlineData(true, "exists")]
    public async Task At_start_up_the_first_subscription_is_created_only_when_none_exists(bool exists, string action)
    {
        // One that expires tomorrow is still kept at start-up: renewing is the timer's job.
        _graph.On(HttpMethod.Get, "/v1.0/subscriptions", exists ? "{\"value\":[" + GraphJson.Subscription("sub-1", Now.AddDays(1), NotificationUrl) + "]}" : "{\"value\":[]}");
        _graph.On(HttpMethod.Post, "/v1.0/subscriptions", GraphJson.Subscription("sub-2", Now.AddDays(6), NotificationUrl), HttpStatusCode.Created);

        Assert.Equal(action, await Mailbox.EnsureFirstSubscriptionAsync(Ct));
        Assert.Equal(exists ? 0 : 1, _graph.Calls.Count(c => c.Method == HttpMethod.Post));
        Assert.DoesNotContain(_graph.Calls, c => c.Method == HttpMethod.Patch);
    }

    /// <summary>A draft as Graph's createReply and create-message operations document it (201, the message resource,
    /// with the internetMessageId Exchange assigned; it is kept when the draft is sent).</summary>
    private static string Draft(string id, string internetMessageId, string subject) => $$"""
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('{{GraphJson.Mailbox}}')/messages/$entity",
          "@odata.etag": "W/\"CQAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAEMTBu9\"",
          "id": "{{id}}",
          "createdDateTime": "2026-11-24T12:15:01Z",
          "isDraft": true,
          "internetMessageId": "<{{internetMessageId}}>",
          "subject": "{{subject}}",
          "toRecipients": [{ "emailAddress": { "address": "maria.silva@ifsp.edu.br" } }]
        }
        """;

    [Fact]
    public async Task A_reply_to_a_known_message_is_created_in_its_thread_and_sent()
    {
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages?", "{\"value\":[{\"id\":\"orig=\"}]}");
        _graph.On(HttpMethod.Post, $"/v1.0/users/{GraphJson.Mailbox}/messages/orig=/createReply", Draft("draft=", "AM0PR01MB1@prod.outlook.com", "RE: Não consigo acessar"), HttpStatusCode.Created);
        _graph.On(HttpMethod.Post, $"/v1.0/users/{GraphJson.Mailbox}/messages/draft=/send", string.Empty, HttpStatusCode.Accepted);
        var email = new OutboundEmail(Guid.NewGuid(), Guid.NewGuid().ToString("N"), "20260000001", "ack@contoso.gov.br", "maria.silva@ifsp.edu.br", "[#20260000001] Recebemos", "Seu protocolo é 20260000001.", "first@ifsp.edu.br", ["first@ifsp.edu.br"], "acknowledgment");

        await Outgoing.SendAsync(email, Ct);

        Assert.Contains("$filter=internetMessageId eq '<first@ifsp.edu.br>'", _graph.Calls[0].PathAndQuery, StringComparison.Ordinal);
        var reply = Property(JsonDocument.Parse(_graph.Calls[1].Body).RootElement, "message");
        Assert.Equal("Seu protocolo é 20260000001.", reply.GetProperty("body").GetProperty("content").GetString());
        Assert.Equal(email.OutboxId.ToString("N"), reply.GetProperty("internetMessageHeaders")[0].GetProperty("value").GetString());
        Assert.Equal("/v1.0/users/" + GraphJson.Mailbox + "/messages/draft=/send", _graph.Calls[2].PathAndQuery);
        Assert.Equal(3, _graph.Calls.Count);
        Assert.Equal((email.Protocol, "AM0PR01MB1@prod.outlook.com"), Assert.Single(_threads.Added));
    }

    [Fact]
    public async Task A_message_with_no_known_original_is_drafted_as_a_new_message_and_sent()
    {
        _graph.On(HttpMethod.Post, $"/v1.0/users/{GraphJson.Mailbox}/messages", Draft("new=", "AM0PR01MB2@prod.outlook.com", "[#20260000002] Recebemos"), HttpStatusCode.Created);
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages?", "{\"value\":[]}");
        _graph.On(HttpMethod.Post, $"/v1.0/users/{GraphJson.Mailbox}/messages/new=/send", string.Empty, HttpStatusCode.Accepted);
        var email = new OutboundEmail(Guid.NewGuid(), Guid.NewGuid().ToString("N"), "20260000002", "ack2@contoso.gov.br", "joao@ifrs.edu.br", "[#20260000002] Recebemos", "Protocolo 20260000002.", "unknown@ifrs.edu.br", [], "acknowledgment");

        await Outgoing.SendAsync(email, Ct);

        var posts = _graph.Calls.Where(c => c.Method == HttpMethod.Post).ToList();
        Assert.Equal(["/v1.0/users/" + GraphJson.Mailbox + "/messages", "/v1.0/users/" + GraphJson.Mailbox + "/messages/new=/send"], posts.Select(c => c.PathAndQuery));
        var message = JsonDocument.Parse(posts[0].Body).RootElement;
        Assert.Equal("joao@ifrs.edu.br", message.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Equal("[#20260000002] Recebemos", message.GetProperty("subject").GetString());
        Assert.Equal((email.Protocol, "AM0PR01MB2@prod.outlook.com"), Assert.Single(_threads.Added));
    }

    [Fact]
    public async Task The_requesters_answer_to_a_graph_sent_reply_threads_onto_the_ticket_by_the_id_graph_gave_it()
    {
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD7=", GraphJson.Message("AAMkAD7=", "first-7@ifsp.edu.br"));
        var opened = await Processor.ProcessAsync(Created("AAMkAD7="), Ct);
        var ticket = (await _store.FindByMessageIdsAsync(["first-7@ifsp.edu.br"], Ct))!;
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages?", "{\"value\":[{\"id\":\"AAMkAD7=\"}]}");
        _graph.On(HttpMethod.Post, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD7=/createReply", Draft("draft7=", "AM0PR01MB7@prod.outlook.com", "RE: Não consigo acessar o sistema"), HttpStatusCode.Created);
        _graph.On(HttpMethod.Post, $"/v1.0/users/{GraphJson.Mailbox}/messages/draft7=/send", string.Empty, HttpStatusCode.Accepted);
        var reply = new OutboundEmail(Guid.NewGuid(), ticket.Id.ToString(), ticket.Protocol.ToString(), "reply-7@helpdesk.contoso.gov.br", "maria.silva@ifsp.edu.br", "RE: Não consigo acessar o sistema", "Tente novamente agora.", "first-7@ifsp.edu.br", ["first-7@ifsp.edu.br"], "reply");

        await new GraphOutgoingMailbox(_graph.Client, _options, new SqliteThreadIndex(_database), _content).SendAsync(reply, Ct);
        // The requester answers Graph's message (its own Message-ID), under a subject without the protocol.
        _graph.On(HttpMethod.Get, $"/v1.0/users/{GraphJson.Mailbox}/messages/AAMkAD8=", GraphJson.Message("AAMkAD8=", "answer-8@ifsp.edu.br", subject: "Re: resposta", headers: GraphJson.Header("In-Reply-To", "<AM0PR01MB7@prod.outlook.com>")));
        var answered = await Processor.ProcessAsync(Created("AAMkAD8="), Ct);

        Assert.StartsWith("Created", opened, StringComparison.Ordinal);
        Assert.Equal($"Threaded {ticket.Protocol}", answered);
        Assert.Equal(ticket, await _store.FindByMessageIdsAsync(["AM0PR01MB7@prod.outlook.com"], Ct));
        Assert.Equal(ticket, await _store.FindByMessageIdsAsync(["answer-8@ifsp.edu.br"], Ct));
    }

    /// <summary>The SDK writes action parameters as Graph's metadata names them (<c>Message</c>); Graph reads JSON
    /// property names case-insensitively.</summary>
    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    public void Dispose() => Support.SqliteFiles.Remove(_database, _folder);

    private sealed class RecordingThreadIndex : IThreadIndex
    {
        public List<(string Protocol, string MessageId)> Added { get; } = [];

        public Task AddMessageIdAsync(TicketRef ticket, string messageId, CancellationToken cancellationToken)
        {
            Added.Add((ticket.Protocol.ToString(), messageId));
            return Task.CompletedTask;
        }
    }
}
