using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Ports;

/// <summary>The supplier's justification of a missed indicator of a closed month, and the contract manager's decision.</summary>
public sealed record Justification(
    string Contract,
    string Month,
    string Indicator,
    DateOnly SubmittedOn,
    string Text,
    string SubmittedBy,
    JustificationDecision? Decision = null,
    DateOnly? DecidedOn = null,
    string? DecidedBy = null);

/// <summary>Where justifications and decisions are kept (one per contract, month and indicator; never overwritten).</summary>
public interface IJustificationStore
{
    Task<IReadOnlyList<Justification>> ListAsync(string contract, string month, CancellationToken cancellationToken);

    /// <summary>Stores the justification unless one exists for its indicator; returns the stored one either way.</summary>
    Task<Justification> SubmitAsync(Justification justification, CancellationToken cancellationToken);

    /// <summary>Records the decision if none is recorded yet; returns the justification as stored afterwards (null if none).</summary>
    Task<Justification?> DecideAsync(string contract, string month, string indicator, JustificationDecision decision, DateOnly on, string by, CancellationToken cancellationToken);
}
