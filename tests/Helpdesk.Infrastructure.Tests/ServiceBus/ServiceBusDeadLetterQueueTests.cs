using Azure.Messaging.ServiceBus;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.ServiceBus;
using Helpdesk.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.ServiceBus;

/// <summary>The Service Bus dead-letter adapter on the SDK, against an in-memory namespace behind the SDK's own
/// mocking seams (<see cref="FakeServiceBus"/>, messages made with <see cref="ServiceBusModelFactory"/>).</summary>
public sealed class ServiceBusDeadLetterQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeServiceBus _bus = new();

    private sealed class SequentialIds : IIdGenerator
    {
        private int _next;

        public Guid NewId() => new($"00000000-0000-0000-0000-{Interlocked.Increment(ref _next):D12}");
    }

    private ServiceBusDeadLetterQueue Queue() => new(_bus, Queues.All, new SequentialIds(), NullLogger<ServiceBusDeadLetterQueue>.Instance);

    private static string Mail(Guid outboxId, string protocol) =>
        $$"""{"outboxId":"{{outboxId}}","ticketId":"t-1","protocol":"{{protocol}}","messageId":"m@x","to":"maria@example.gov.br","subject":"S","text":"secret text","inReplyTo":null,"references":[],"purpose":"reply"}""";

    private bool AnythingLocked() =>
        Queues.All.SelectMany(q => _bus.Messages(q + "/$DeadLetterQueue").Concat(_bus.Messages(q))).Any(m => m.Locked);

    private IReadOnlyList<FakeServiceBus.Message> DeadLetters(string queue) => _bus.Messages(queue + "/$DeadLetterQueue");

    [Fact]
    public async Task Listing_peeks_every_dead_letter_without_its_body_and_changes_nothing()
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
        Assert.False(AnythingLocked());
        Assert.Equal([10, 10], DeadLetters(Queues.OutboundMail).Select(m => m.DeliveryCount)); // a peek counts no delivery
        Assert.Empty(_bus.Messages(Queues.OutboundMail));
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
        Assert.Equal(5, DeadLetters(Queues.Escalations).Count);
    }

    [Fact]
    public async Task Listing_pages_through_more_dead_letters_than_one_peek_returns()
    {
        for (var i = 0; i < 120; i++)
        {
            _bus.DeadLetter(Queues.OutboundMail, Mail(Guid.NewGuid(), $"2026.{i:D6}"));
        }

        var letters = await Queue().ListAsync(Queues.OutboundMail, 110, Ct);

        Assert.Equal(110, letters.Count);
        Assert.Equal(110, letters.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public async Task Replay_sends_the_body_unchanged_to_the_main_queue_then_completes_the_dead_letter()
    {
        var id = Guid.NewGuid();
        var body = Mail(id, "2026.000200");
        _bus.DeadLetter(Queues.OutboundMail, Mail(Guid.NewGuid(), "2026.000199"));
        var dead = _bus.DeadLetter(Queues.OutboundMail, body, messageId: "original-message-id");

        Assert.True(await Queue().ReplayAsync(id, Ct));

        var sent = Assert.Single(_bus.Messages(Queues.OutboundMail));
        Assert.Equal(body, sent.Body);
        Assert.NotEqual(dead.MessageId, sent.MessageId); // duplicate detection on MessageId would drop a resend under the old id
        var remaining = Assert.Single(DeadLetters(Queues.OutboundMail));
        Assert.Equal("2026.000199", DeadLetterBodies.ProtocolOf(remaining.Body));
        Assert.False(AnythingLocked());
    }

    [Fact]
    public async Task The_dead_letter_is_completed_only_after_the_send_succeeded()
    {
        var id = Guid.NewGuid();
        _bus.DeadLetter(Queues.OutboundMail, Mail(id, "2026.000400"));
        _bus.Fail("send", new ServiceBusException("quota", ServiceBusFailureReason.QuotaExceeded));

        await Assert.ThrowsAsync<DeadLetterQueueUnavailableException>(() => Queue().ReplayAsync(id, Ct));

        var kept = Assert.Single(DeadLetters(Queues.OutboundMail));
        Assert.False(kept.Locked);
        Assert.Empty(_bus.Messages(Queues.OutboundMail));
        Assert.True(await Queue().ReplayAsync(id, Ct)); // and it can be replayed once Service Bus takes it
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
        Assert.Empty(DeadLetters(Queues.Escalations));
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_and_leaves_every_dead_letter_unlocked()
    {
        _bus.DeadLetter(Queues.Escalations, Mail(Guid.NewGuid(), "2026.000301"));
        _bus.DeadLetter(Queues.GraphNotifications, """{"subscriptionId":"s"}""");

        Assert.False(await Queue().ReplayAsync(Guid.NewGuid(), Ct));

        Assert.False(AnythingLocked());
        Assert.Equal(2, Queues.All.Sum(q => DeadLetters(q).Count));
        Assert.All(Queues.All, q => Assert.Empty(_bus.Messages(q)));
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
        Assert.Equal(guidMessage.ToString("N"), Assert.Single(DeadLetters(Queues.GraphNotifications)).MessageId);
    }

    [Theory]
    [InlineData(ServiceBusFailureReason.ServiceBusy)]
    [InlineData(ServiceBusFailureReason.ServiceTimeout)]
    [InlineData(ServiceBusFailureReason.ServiceCommunicationProblem)]
    public async Task Service_bus_down_after_the_SDKs_retries_is_reported_unavailable(ServiceBusFailureReason reason)
    {
        _bus.DeadLetter(Queues.Escalations, Mail(Guid.NewGuid(), "2026.000501"));
        _bus.Fail("peek", new ServiceBusException(true, "the broker is busy", null, reason));

        var error = await Assert.ThrowsAsync<DeadLetterQueueUnavailableException>(() => Queue().ListAsync(Queues.Escalations, 10, Ct));

        Assert.Contains(reason.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_identity_names_the_role_it_needs()
    {
        _bus.Fail("peek", new UnauthorizedAccessException("Unauthorized access. 'Listen' claim(s) are required to perform this operation."));

        var error = await Assert.ThrowsAsync<DeadLetterQueueUnavailableException>(() => Queue().ListAsync(Queues.Escalations, 10, Ct));

        Assert.Contains("Azure Service Bus Data Owner", error.Message, StringComparison.Ordinal);
    }
}
