using System.Net;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.ServiceBus;
using Helpdesk.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.ServiceBus;

/// <summary>The Service Bus dead-letter adapter against an in-memory namespace that answers the documented REST shapes.</summary>
public sealed class ServiceBusDeadLetterQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeServiceBus _bus = new();
    private readonly CountingCredential _credential = new();

    private sealed class SequentialIds : IIdGenerator
    {
        private int _next;

        public Guid NewId() => new($"00000000-0000-0000-0000-{Interlocked.Increment(ref _next):D12}");
    }

    private ServiceBusDeadLetterQueue Queue(int maxAttempts = 4) => new(
        new ServiceBusRestClient(
            new HttpClient(_bus),
            _credential,
            new ServiceBusRestOptions { Namespace = _bus.Namespace, MaxAttempts = maxAttempts, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
            TimeProvider.System),
        Queues.All,
        new SequentialIds(),
        NullLogger<ServiceBusDeadLetterQueue>.Instance);

    private static string Mail(Guid outboxId, string protocol) =>
        $$"""{"outboxId":"{{outboxId}}","ticketId":"t-1","protocol":"{{protocol}}","messageId":"m@x","to":"maria@example.gov.br","subject":"S","text":"secret text","inReplyTo":null,"references":[],"purpose":"reply"}""";

    private bool AnythingLocked() =>
        Queues.All.SelectMany(q => _bus.Messages(q + "/$DeadLetterQueue").Concat(_bus.Messages(q))).Any(m => m.LockToken is not null);

    [Fact]
    public async Task Listing_shows_every_dead_letter_without_its_body_and_unlocks_every_message_it_locked()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        _bus.DeadLetter(Queues.OutboundMail, Mail(first, "2026.000123"), deliveryCount: 10);
        _bus.DeadLetter(Queues.OutboundMail, Mail(second, "2026.000124"), reason: "TTLExpiredException", description: null);
        _bus.DeadLetter(Queues.Escalations, """{"outboxId":"not-a-guid"}""", messageId: "plain-id");

        var letters = await Queue().ListAsync(null, 100, Ct);

        Assert.Equal(3, letters.Count);
        var mail = Assert.Single(letters, l => l.Id == first);
        Assert.Equal((Queues.OutboundMail, "2026.000123", 10, "MaxDeliveryCountExceeded: Message could not be consumed after 10 delivery attempts."), (mail.Queue, mail.Protocol, mail.DeliveryCount, mail.Reason));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero), mail.CreatedAt);
        Assert.Null(mail.DeadLetteredAt);
        Assert.Equal("TTLExpiredException", Assert.Single(letters, l => l.Id == second).Reason);
        Assert.Null(Assert.Single(letters, l => l.Queue == Queues.Escalations).Protocol);
        Assert.DoesNotContain(letters, l => l.ToString().Contains("secret text", StringComparison.Ordinal) || l.ToString().Contains("maria@", StringComparison.Ordinal));

        var locks = _bus.Requests.Count(r => r.Method == HttpMethod.Post && r.Path.EndsWith("/messages/head", StringComparison.Ordinal));
        var unlocks = _bus.Requests.Count(r => r.Method == HttpMethod.Put);
        Assert.Equal(3, unlocks);
        Assert.Equal(locks - Queues.All.Count, unlocks); // one empty peek per sub-queue ends each listing
        Assert.False(AnythingLocked());
        Assert.Equal(2, _bus.Messages(Queues.OutboundMail + "/$DeadLetterQueue").Count);
        Assert.DoesNotContain(_bus.Requests, r => r.Method == HttpMethod.Delete || r.Path == Queues.OutboundMail + "/messages");
        Assert.All(_bus.Requests, r => Assert.StartsWith("Bearer token-", r.Authorization, StringComparison.Ordinal));
        Assert.Equal("https://servicebus.azure.net/.default", Assert.Single(_credential.Scopes.Distinct()));
    }

    [Fact]
    public async Task Listing_twice_gives_the_same_answer_and_stops_at_the_maximum_per_queue()
    {
        for (var i = 0; i < 5; i++)
        {
            _bus.DeadLetter(Queues.Escalations, Mail(Guid.NewGuid(), $"2026.00010{i}"));
        }

        var queue = Queue();
        var once = await queue.ListAsync(Queues.Escalations, 3, Ct);
        var twice = await queue.ListAsync(Queues.Escalations, 3, Ct);

        Assert.Equal(3, once.Count);
        Assert.Equal(once, twice);
        Assert.Equal(5, _bus.Messages(Queues.Escalations + "/$DeadLetterQueue").Count);
        Assert.False(AnythingLocked());
    }

    [Fact]
    public async Task Replay_sends_the_body_unchanged_to_the_main_queue_then_deletes_the_dead_letter()
    {
        var id = Guid.NewGuid();
        var body = Mail(id, "2026.000200");
        _bus.DeadLetter(Queues.OutboundMail, Mail(Guid.NewGuid(), "2026.000199"));
        var dead = _bus.DeadLetter(Queues.OutboundMail, body, messageId: "original-message-id");

        Assert.True(await Queue().ReplayAsync(id, Ct));

        var sent = Assert.Single(_bus.Messages(Queues.OutboundMail));
        Assert.Equal(body, sent.Body);
        Assert.NotEqual(dead.MessageId, sent.MessageId); // duplicate detection on MessageId would drop a resend under the old id
        var remaining = Assert.Single(_bus.Messages(Queues.OutboundMail + "/$DeadLetterQueue"));
        Assert.Equal("2026.000199", DeadLetterBodies.ProtocolOf(remaining.Body));
        var sendAt = _bus.Requests.FindIndex(r => r.Method == HttpMethod.Post && r.Path == Queues.OutboundMail + "/messages");
        var deleteAt = _bus.Requests.FindIndex(r => r.Method == HttpMethod.Delete);
        Assert.True(sendAt >= 0 && deleteAt > sendAt, "the dead letter is deleted only after the send succeeded");
        Assert.False(AnythingLocked());
    }

    [Fact]
    public async Task Replaying_the_same_id_twice_sends_once_and_then_answers_not_found()
    {
        var id = Guid.NewGuid();
        _bus.DeadLetter(Queues.Escalations, Mail(id, "2026.000300"));
        var queue = Queue();

        Assert.True(await queue.ReplayAsync(id, Ct));
        Assert.False(await queue.ReplayAsync(id, Ct));

        Assert.Single(_bus.Messages(Queues.Escalations));
        Assert.Empty(_bus.Messages(Queues.Escalations + "/$DeadLetterQueue"));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_and_leaves_every_dead_letter_unlocked()
    {
        _bus.DeadLetter(Queues.Escalations, Mail(Guid.NewGuid(), "2026.000301"));
        _bus.DeadLetter(Queues.GraphNotifications, """{"subscriptionId":"s"}""");

        Assert.False(await Queue().ReplayAsync(Guid.NewGuid(), Ct));

        Assert.False(AnythingLocked());
        Assert.Equal(2, Queues.All.Sum(q => _bus.Messages(q + "/$DeadLetterQueue").Count));
        Assert.DoesNotContain(_bus.Requests, r => r.Method == HttpMethod.Delete || (r.Method == HttpMethod.Post && !r.Path.EndsWith("/head", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failed_send_unlocks_the_dead_letter_and_keeps_it()
    {
        var id = Guid.NewGuid();
        _bus.DeadLetter(Queues.OutboundMail, Mail(id, "2026.000400"));
        _bus.Fail(HttpMethod.Post, Queues.OutboundMail + "/messages", HttpStatusCode.Forbidden); // quota exceeded

        await Assert.ThrowsAsync<DeadLetterQueueUnavailableException>(() => Queue().ReplayAsync(id, Ct));

        var kept = Assert.Single(_bus.Messages(Queues.OutboundMail + "/$DeadLetterQueue"));
        Assert.Null(kept.LockToken);
        Assert.Empty(_bus.Messages(Queues.OutboundMail));
        Assert.DoesNotContain(_bus.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public async Task A_message_without_an_outbox_id_is_known_by_a_stable_id_derived_from_its_message_id()
    {
        var body = """{"subscriptionId":"s","changeType":"created"}""";
        _bus.DeadLetter(Queues.GraphNotifications, body, messageId: "0c1f-not-a-guid");
        var guidMessage = Guid.NewGuid();
        _bus.DeadLetter(Queues.GraphNotifications, body, messageId: guidMessage.ToString("N"));
        var queue = Queue();

        var first = await queue.ListAsync(Queues.GraphNotifications, 10, Ct);
        var again = await queue.ListAsync(Queues.GraphNotifications, 10, Ct);

        Assert.Equal(first.Select(l => l.Id), again.Select(l => l.Id));
        Assert.Contains(first, l => l.Id == guidMessage);
        var derived = Assert.Single(first, l => l.Id != guidMessage).Id;
        Assert.True(await queue.ReplayAsync(derived, Ct));
        Assert.Equal(guidMessage.ToString("N"), Assert.Single(_bus.Messages(Queues.GraphNotifications + "/$DeadLetterQueue")).MessageId);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task A_transient_answer_is_retried(HttpStatusCode status)
    {
        var id = Guid.NewGuid();
        _bus.DeadLetter(Queues.Escalations, Mail(id, "2026.000500"));
        _bus.Fail(HttpMethod.Post, Queues.Escalations + "/$DeadLetterQueue/messages/head", status, times: 2);

        var letters = await Queue().ListAsync(Queues.Escalations, 10, Ct);

        Assert.Equal(id, Assert.Single(letters).Id);
        Assert.False(AnythingLocked());
    }

    [Fact]
    public async Task Service_bus_down_after_every_attempt_is_reported_unavailable()
    {
        _bus.DeadLetter(Queues.Escalations, Mail(Guid.NewGuid(), "2026.000501"));
        _bus.Fail(HttpMethod.Post, "/messages/head", HttpStatusCode.ServiceUnavailable, times: 100);

        var error = await Assert.ThrowsAsync<DeadLetterQueueUnavailableException>(() => Queue(maxAttempts: 3).ListAsync(Queues.Escalations, 10, Ct));

        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _bus.Requests.Count);
    }

    [Fact]
    public async Task A_401_is_retried_once_with_a_fresh_token()
    {
        var id = Guid.NewGuid();
        _bus.DeadLetter(Queues.Escalations, Mail(id, "2026.000600"));
        _bus.Fail(HttpMethod.Post, "/messages/head", HttpStatusCode.Unauthorized);

        var letters = await Queue().ListAsync(Queues.Escalations, 10, Ct);

        Assert.Equal(id, Assert.Single(letters).Id);
        Assert.Equal(2, _credential.Issued);
        Assert.Equal("Bearer token-2", _bus.Requests[1].Authorization);
    }

    [Fact]
    public async Task A_lasting_401_names_the_roles_the_identity_needs()
    {
        _bus.Fail(HttpMethod.Post, "/messages/head", HttpStatusCode.Unauthorized, times: 100);

        var error = await Assert.ThrowsAsync<DeadLetterQueueUnavailableException>(() => Queue().ListAsync(Queues.Escalations, 10, Ct));

        Assert.Contains("Azure Service Bus Data Receiver", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _bus.Requests.Count);
    }
}
