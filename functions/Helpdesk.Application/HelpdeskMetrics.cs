using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Helpdesk.Application;

/// <summary>The product's own traces and metrics (OpenTelemetry reads them by these names). Tags never carry
/// personal data: outcomes, channels, queues and reasons only.</summary>
public static class HelpdeskMetrics
{
    public const string Name = "Helpdesk";

    public static ActivitySource Activities { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Requests received by the intake, tagged with <c>outcome</c> (created, threaded, duplicate, ignored) and <c>channel</c>.</summary>
    public static Counter<long> IntakeRequests { get; } = Meter.CreateCounter<long>("helpdesk.intake.requests", description: "Requests received by the intake");

    /// <summary>E-mails sent to requesters, tagged with <c>purpose</c>.</summary>
    public static Counter<long> MailsSent { get; } = Meter.CreateCounter<long>("helpdesk.mail.sent", description: "E-mails sent to requesters");

    /// <summary>Queue deliveries by the embedded runner, tagged with <c>queue</c> and <c>result</c> (delivered, retry, dead-letter).</summary>
    public static Counter<long> QueueDeliveries { get; } = Meter.CreateCounter<long>("helpdesk.queue.deliveries", description: "Queue message deliveries");

    /// <summary>Escalations routed to level 2, tagged with <c>group</c> and <c>assigned</c>.</summary>
    public static Counter<long> Escalations { get; } = Meter.CreateCounter<long>("helpdesk.escalations.routed", description: "Escalations routed to a level-2 group");

    /// <summary>What the deadline sweep did, tagged with <c>action</c> (escalated, at-risk, breached).</summary>
    public static Counter<long> DeadlineAlerts { get; } = Meter.CreateCounter<long>("helpdesk.sla.alerts", description: "Deadline alerts and automatic escalations");
}
