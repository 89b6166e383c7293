namespace Helpdesk.Domain.Penalties;

/// <summary>
/// The monthly invoice and, per channel (seed 003 4.14: inbound phone, outbound phone, multichannel, chatbot), the value
/// certified for that service. A fine of an indicator bound to a channel falls on that channel's value; when the channel
/// has no value, on the whole invoice (<c>channelFallback</c>, reported as a warning).
/// </summary>
public sealed record InvoiceValues(Money? Monthly, IReadOnlyDictionary<string, Money> Channels)
{
    public static InvoiceValues None { get; } = new(null, new Dictionary<string, Money>());

    public Money BaseFor(string? channel) =>
        channel is not null && Channels.TryGetValue(channel, out var value) ? value : Monthly ?? Money.Zero;
}
