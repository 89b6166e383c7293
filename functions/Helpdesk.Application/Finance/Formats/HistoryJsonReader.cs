using System.Text.Json;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// Reads earlier months' outcomes for aggravations (4.12, 4.13) and rescission (4.2): a JSON array of the
/// <c>outcome</c> objects that <c>helpdesk assess</c> writes, e.g.
/// <c>[{"month":"2026-02","invoice":1000000,"missedIndicators":["2"],"impactFines":["low"]}]</c>; a settled outcome
/// (the summary's <c>settlement.outcome</c>, ADR-015) also lists its reductions moved to a later invoice,
/// <c>"deferred":[{"indicator":"7","amount":5000,"to":"2026-03"}]</c>.
/// </summary>
public static class HistoryJsonReader
{
    /// <summary>Parses an input file's JSON, or throws an <see cref="InputFormatException"/> naming the file.</summary>
    internal static JsonDocument Parse(string json, string name)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"{name}: not JSON ({ex.Message})");
        }
    }

    public static IReadOnlyList<MonthOutcome> Read(string json, string name)
    {
        using (var document = Parse(json, name))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException($"{name}: an array of month outcomes is expected");
            }

            var result = new List<MonthOutcome>();
            var i = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var at = $"{name}: [{i++}]";
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("month", out var m) || !AssessmentMonth.TryParse(m.GetString(), out var month))
                {
                    throw new InputFormatException($"{at}.month: YYYY-MM is required");
                }

                if (!item.TryGetProperty("invoice", out var inv) || inv.ValueKind != JsonValueKind.Number || !inv.TryGetDecimal(out var invoice) || invoice < 0m)
                {
                    throw new InputFormatException($"{at}.invoice: a non-negative amount is required");
                }

                var missed = new HashSet<string>(StringComparer.Ordinal);
                if (item.TryGetProperty("missedIndicators", out var ms))
                {
                    foreach (var id in ms.EnumerateArray())
                    {
                        missed.Add(id.GetString() ?? throw new InputFormatException($"{at}.missedIndicators: strings expected"));
                    }
                }

                var fines = new List<Impact>();
                if (item.TryGetProperty("impactFines", out var fs))
                {
                    foreach (var f in fs.EnumerateArray())
                    {
                        fines.Add(ContractEnums.TryParse<Impact>(f.GetString(), out var impact) && impact != Impact.None
                            ? impact
                            : throw new InputFormatException($"{at}.impactFines: low, medium or high expected"));
                    }
                }

                var deferred = new List<DeferredReduction>();
                if (item.TryGetProperty("deferred", out var ds))
                {
                    foreach (var d in ds.EnumerateArray())
                    {
                        if (d.ValueKind != JsonValueKind.Object
                            || !d.TryGetProperty("indicator", out var di) || di.GetString() is not { Length: > 0 } indicator
                            || !d.TryGetProperty("amount", out var da) || da.ValueKind != JsonValueKind.Number || !da.TryGetDecimal(out var amount) || amount < 0m
                            || !d.TryGetProperty("to", out var dt) || !AssessmentMonth.TryParse(dt.GetString(), out var to))
                        {
                            throw new InputFormatException($"{at}.deferred: objects with indicator, a non-negative amount and to (YYYY-MM) expected");
                        }

                        deferred.Add(new DeferredReduction(month, indicator, Money.Brl(amount), to));
                    }
                }

                result.Add(new MonthOutcome(month, Money.Brl(invoice), missed, fines) { Deferred = deferred });
            }

            return result;
        }
    }
}
