using System.Text.Json;
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
                result.Add(MonthOutcomeJson.Read(item, $"{name}: [{i++}]"));
            }

            return result;
        }
    }
}
