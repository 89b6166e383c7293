namespace Helpdesk.Application.Intake;

/// <summary>Thrown by queue consumers (Graph notifications) when the intake answers <see cref="IntakeOutcome.InProgress"/>:
/// the invocation fails, so the platform delivers the notification again later, when the other delivery's ticket exists
/// or its claim has been abandoned.</summary>
public sealed class MessageInProgressException() : Exception("Another delivery of this message is being registered; retry later.");
