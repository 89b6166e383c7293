namespace Helpdesk.Domain.Penalties;

/// <summary>An extra fine for a run of missed months: which rule (4.12 or 4.13), over how many months, its base and amount.</summary>
public sealed record Aggravation(string Rule, int Months, Money Base, Percent Rate, Money Amount, IReadOnlyList<string> Indicators);
