using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Intake;

/// <summary>What became of a supervisor's decision on a held message.</summary>
public enum HeldReviewStatus
{
    /// <summary>The decision is recorded (or the same ticket was opened already: opening twice opens one ticket).</summary>
    Done,

    /// <summary>No held message has this id.</summary>
    NotFound,

    /// <summary>Another decision was recorded first; it stands (returned with the message).</summary>
    AlreadyDecided,
}

public sealed record HeldReviewResult(HeldReviewStatus Status, HeldMessage? Message);

/// <summary>
/// Supervisors' review of held messages (issue 18): open a ticket from one in one action, for the requester address the
/// supervisor chooses or corrects, or discard it with a reason. Both are recorded on the held message (who, when, what).
/// Opening registers the ticket under the held message's own Message-ID, so a retried open (or a crash between the
/// ticket and the record) finds the same ticket instead of opening a second one.
/// </summary>
public sealed class HeldMessageReview(IHeldMessages held, TicketIntake intake, TimeProvider clock)
{
    public Task<IReadOnlyList<HeldMessage>> ListAsync(CancellationToken cancellationToken) => held.ListUndecidedAsync(cancellationToken);

    public Task<HeldMessage?> GetAsync(string id, CancellationToken cancellationToken) => held.GetAsync(id, cancellationToken);

    public async Task<HeldReviewResult> OpenTicketAsync(AgentIdentity supervisor, string id, EmailAddress requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var message = await held.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return new HeldReviewResult(HeldReviewStatus.NotFound, null);
        }

        if (message.Decision is { } earlier)
        {
            return new HeldReviewResult(earlier.Action == HeldDecision.Opened ? HeldReviewStatus.Done : HeldReviewStatus.AlreadyDecided, message);
        }

        var result = await intake.OpenFromHeldAsync(message, requester, cancellationToken).ConfigureAwait(false);
        if (result.Outcome is not (IntakeOutcome.Created or IntakeOutcome.Duplicate))
        {
            throw new InvalidOperationException($"Opening a ticket from a held message ended as {result.Outcome}.");
        }

        var decision = new HeldDecision(HeldDecision.Opened, supervisor.UserId, clock.GetUtcNow(), result.Protocol, requester.Value);
        var stored = await held.DecideAsync(id, decision, cancellationToken).ConfigureAwait(false);
        return new HeldReviewResult(stored?.Decision?.Action == HeldDecision.Opened ? HeldReviewStatus.Done : HeldReviewStatus.AlreadyDecided, stored);
    }

    public async Task<HeldReviewResult> DiscardAsync(AgentIdentity supervisor, string id, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var decision = new HeldDecision(HeldDecision.Discarded, supervisor.UserId, clock.GetUtcNow(), Reason: reason);
        var stored = await held.DecideAsync(id, decision, cancellationToken).ConfigureAwait(false);
        return stored is null
            ? new HeldReviewResult(HeldReviewStatus.NotFound, null)
            : new HeldReviewResult(stored.Decision == decision ? HeldReviewStatus.Done : HeldReviewStatus.AlreadyDecided, stored);
    }
}
