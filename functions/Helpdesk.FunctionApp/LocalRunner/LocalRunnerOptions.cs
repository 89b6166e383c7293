namespace Helpdesk.FunctionApp.LocalRunner;

/// <summary>Settings of the embedded runner (section <c>Helpdesk:Runner</c>).</summary>
public sealed class LocalRunnerOptions
{
    /// <summary>Deliveries of one queue message before it is dead-lettered (Service Bus MaxDeliveryCount).</summary>
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>First retry delay; doubles per failed delivery up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a taken message stays invisible to other dispatchers (Service Bus lock duration).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Poll interval of the outbox when no write woke the dispatcher.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Poll interval of the mail drop folder.</summary>
    public TimeSpan DropFolderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether timers fire on their schedules (tests may turn them off and invoke by hand).</summary>
    public bool TimersEnabled { get; set; } = true;
}
