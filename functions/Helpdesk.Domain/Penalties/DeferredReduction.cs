using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Penalties;

/// <summary>
/// A month's reduction for one indicator, rejected after the manager's deadline (seed 003 3.8.1), moved from the invoice
/// of <see cref="From"/> to the invoice of <see cref="To"/>: the month in which the late rejection was recorded, and never
/// earlier than the month after <see cref="From"/> (the first invoice still to be closed when the decision came).
/// </summary>
public sealed record DeferredReduction(AssessmentMonth From, string Indicator, Money Amount, AssessmentMonth To);
