using System.Text.Json;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// One month's <c>outcome</c> object as the assessment JSON writes it and the <c>--history</c> file holds it
/// (<c>{"month","invoice","missedIndicators","impactFines"}</c>, and <c>"deferred"</c> in a settled outcome): written by
/// the summary, the history export and the closed-month stores, read by <see cref="HistoryJsonReader"/> and the stores.
/// </summary>
public static class MonthOutcomeJson
{
    /// <summary>Writes the outcome object (the caller names the property, if any). Amounts to the cent.</summary>
    public static void Write(Utf8JsonWriter w, MonthOutcome outcome, bool deferred)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(outcome);
        w.WriteStartObject();
        w.WriteString("month", outcome.Month.ToString());
        w.WriteNumber("invoice", outcome.Invoice.Rounded);
        w.WriteStartArray("missedIndicators");
        foreach (var id in outcome.MissedIndicators.Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteStartArray("impactFines");
        foreach (var fine in outcome.ImpactFines)
        {
            w.WriteStringValue(ContractEnums.CamelCase(fine));
        }

        w.WriteEndArray();
        if (deferred)
        {
            w.WriteStartArray("deferred");
            foreach (var d in outcome.Deferred)
            {
                w.WriteStartObject();
                w.WriteString("indicator", d.Indicator);
                w.WriteNumber("amount", d.Amount.Rounded);
                w.WriteString("to", d.To.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>The outcome object as compact JSON text.</summary>
    public static string ToJson(MonthOutcome outcome, bool deferred)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            Write(w, outcome, deferred);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The outcome as published: what reading its JSON back gives (amounts to the cent; a deferred list only
    /// when <paramref name="deferred"/>, as only a settled outcome writes one).</summary>
    public static MonthOutcome AsPublished(MonthOutcome outcome, bool deferred)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new MonthOutcome(outcome.Month, Money.Brl(outcome.Invoice.Rounded), outcome.MissedIndicators.ToHashSet(StringComparer.Ordinal), [.. outcome.ImpactFines])
        {
            Deferred = deferred ? [.. outcome.Deferred.Select(d => d with { From = outcome.Month, Amount = Money.Brl(d.Amount.Rounded) })] : [],
        };
    }

    /// <summary>Reads one outcome object, or throws an <see cref="InputFormatException"/> naming <paramref name="at"/>.</summary>
    public static MonthOutcome Read(JsonElement item, string at)
    {
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

        return new MonthOutcome(month, Money.Brl(invoice), missed, fines) { Deferred = deferred };
    }
}
