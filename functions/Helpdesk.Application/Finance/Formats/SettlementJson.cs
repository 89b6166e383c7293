using System.Globalization;
using System.Text.Json;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// The <c>--justifications</c> file of <c>helpdesk assess</c>, as <c>GET /api/justifications/settlement-input</c> serves it:
/// what settling a month needs besides its tickets (docs/finance-reports.md), e.g.
/// <c>{"month":"2026-11","closedOn":"2026-12-01","asOf":"2026-12-11","justifications":[{"indicator":"7","submittedOn":"2026-12-03","decision":"rejected","decidedOn":"2026-12-11"}]}</c>.
/// Dates are São Paulo calendar days (yyyy-MM-dd); <c>decision</c> and <c>decidedOn</c> are null until the manager decides.
/// </summary>
public static class SettlementJson
{
    public static void Write(Stream output, AssessmentMonth month, SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("month", month.ToString());
        w.WriteString("closedOn", Day(input.ClosedOn));
        w.WriteString("asOf", Day(input.Today));
        w.WriteStartArray("justifications");
        foreach (var j in input.Justifications.OrderBy(j => j.Indicator, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("indicator", j.Indicator);
            w.WriteString("submittedOn", Day(j.SubmittedOn));
            w.WriteString("decision", j.Decision is { } d ? ContractEnums.CamelCase(d) : null);
            w.WriteString("decidedOn", j.DecidedOn is { } on ? Day(on) : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads the file; a malformed one is an <see cref="InputFormatException"/> naming the field.</summary>
    public static (AssessmentMonth Month, SettlementInput Input) Read(string json, string name)
    {
        using (var document = HistoryJsonReader.Parse(json, name))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException($"{name}: an object with month, closedOn, asOf and justifications is expected");
            }

            if (!root.TryGetProperty("month", out var m) || m.ValueKind != JsonValueKind.String || !AssessmentMonth.TryParse(m.GetString(), out var month))
            {
                throw new InputFormatException($"{name}: month: YYYY-MM is required");
            }

            var closedOn = RequiredDay(root, "closedOn", name);
            var asOf = RequiredDay(root, "asOf", name);
            var list = new List<JustificationRecord>();
            if (root.TryGetProperty("justifications", out var items))
            {
                if (items.ValueKind != JsonValueKind.Array)
                {
                    throw new InputFormatException($"{name}: justifications: an array is expected");
                }

                var i = 0;
                foreach (var item in items.EnumerateArray())
                {
                    var at = $"justifications[{i++}]";
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("indicator", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } indicator)
                    {
                        throw new InputFormatException($"{name}: {at}.indicator: the indicator id is required");
                    }

                    var submitted = RequiredDay(item, "submittedOn", name, at);
                    JustificationDecision? decision = null;
                    if (item.TryGetProperty("decision", out var d) && d.ValueKind != JsonValueKind.Null)
                    {
                        decision = d.ValueKind == JsonValueKind.String && ContractEnums.TryParse<JustificationDecision>(d.GetString(), out var parsed)
                            ? parsed
                            : throw new InputFormatException($"{name}: {at}.decision: accepted, rejected or null expected");
                    }

                    DateOnly? decidedOn = item.TryGetProperty("decidedOn", out var on) && on.ValueKind != JsonValueKind.Null ? RequiredDay(item, "decidedOn", name, at) : null;
                    if ((decision is null) != (decidedOn is null))
                    {
                        throw new InputFormatException($"{name}: {at}.decidedOn: a decision needs its date, and a date its decision");
                    }

                    list.Add(new JustificationRecord(indicator, submitted, decision, decidedOn));
                }
            }

            return (month, new SettlementInput(closedOn, asOf, list));
        }
    }

    private static DateOnly RequiredDay(JsonElement element, string field, string name, string? at = null)
    {
        var path = at is null ? field : $"{at}.{field}";
        return element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
               && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InputFormatException($"{name}: {path}: a date yyyy-MM-dd is required");
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
