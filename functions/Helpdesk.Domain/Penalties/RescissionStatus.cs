namespace Helpdesk.Domain.Penalties;

/// <summary>Impact fines counted over the rescission window ending with the assessed month, and whether the line is near or reached.</summary>
public sealed record RescissionStatus(int High, int Medium, int Low, bool Near, bool Reached, string? Warning)
{
    public static RescissionStatus Evaluate(RescissionRule rule, IReadOnlyList<MonthOutcome> history, MonthOutcome current)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(current);
        var from = current.Month.AddMonths(-(rule.WindowMonths - 1));
        var fines = history.Where(h => h.Month >= from && h.Month < current.Month).Append(current).SelectMany(h => h.ImpactFines).ToList();
        var high = fines.Count(f => f == Impact.High);
        var medium = fines.Count(f => f == Impact.Medium);
        var low = fines.Count(f => f == Impact.Low);
        var reached = high >= rule.High || medium >= rule.Medium || low >= rule.Low;
        var near = !reached && (high >= rule.High - rule.WarnMargin || medium >= rule.Medium - rule.WarnMargin || low >= rule.Low - rule.WarnMargin);
        string? warning = reached
            ? $"Limite de rescisão atingido em {rule.WindowMonths} meses: {high} multa(s) de alto, {medium} de médio e {low} de baixo impacto (item 4.2)."
            : near
                ? $"Atenção: próximo do limite de rescisão em {rule.WindowMonths} meses: {high}/{rule.High} de alto, {medium}/{rule.Medium} de médio, {low}/{rule.Low} de baixo impacto (item 4.2)."
                : null;
        return new RescissionStatus(high, medium, low, near, reached, warning);
    }
}
