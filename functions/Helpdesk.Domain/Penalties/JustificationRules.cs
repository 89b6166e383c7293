namespace Helpdesk.Domain.Penalties;

/// <summary>Seed 003 3.8: the supplier justifies within 5 business days of the assessment's closing; the manager decides "no mesmo prazo".</summary>
public sealed record JustificationRules
{
    public static JustificationRules Default { get; } = new();

    public int SupplierBusinessDays { get; init; } = 5;

    public int ManagerBusinessDays { get; init; } = 5;

    /// <summary><c>managerWindowStart</c>: when the manager's 5 business days start. Default: the day the justification is submitted.</summary>
    public ManagerWindowStart ManagerWindowStart { get; init; } = ManagerWindowStart.Submission;
}
