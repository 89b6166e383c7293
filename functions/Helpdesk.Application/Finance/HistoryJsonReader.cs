using System.Text.Json;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Finance;

/// <summary>
/// Reads earlier months' outcomes for aggravations (4.12, 4.13) and rescission (4.2): a JSON array of the
/// <c>outcome</c> objects that <c>helpdesk assess</c> writes, e.g.
/// <c>[{"month":"2026-02","invoice":1000000,"missedIndicators":["2"],"impactFines":["low"]}]</c>.
/// </summary>
public static class HistoryJsonReader
{
    public static IReadOnlyList<MonthOutcome> Read(string json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InputFormatException($"{name}: not JSON ({ex.Message})");
        }

        using (document)
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

                result.Add(new MonthOutcome(month, Money.Brl(invoice), missed, fines));
            }

            return result;
        }
    }
}
