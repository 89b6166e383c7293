namespace Helpdesk.Infrastructure.Azure.ServiceBus;

/// <summary>How the Service Bus REST adapter reaches the namespace and how patient it is.</summary>
public sealed class ServiceBusRestOptions
{
    /// <summary>The namespace's base address, <c>https://{fullyQualifiedNamespace}/</c> (setting
    /// <c>ServiceBusConnection__fullyQualifiedNamespace</c>, the one the bindings use).</summary>
    public required Uri Namespace { get; init; }

    /// <summary>Entra ID scope of the bearer tokens.</summary>
    public string Scope { get; init; } = "https://servicebus.azure.net/.default";

    /// <summary>Seconds a peek-lock waits for a message when the sub-queue is empty (the REST <c>timeout</c> parameter).</summary>
    public int PeekTimeoutSeconds { get; init; } = 1;

    /// <summary>Attempts per request when Service Bus answers 429, 500, 503 or the connection fails (first try included).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>First back-off delay; doubled on each further attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait between attempts, also the cap on a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);
}
