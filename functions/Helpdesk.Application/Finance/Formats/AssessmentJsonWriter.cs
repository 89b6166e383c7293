using System.Text.Json;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// Writes a <see cref="MonthlyAssessment"/> as the assessment JSON (docs/assessment-json.md). Amounts are in BRL rounded
/// to cents; percentages unrounded except <c>value</c>, which is rounded as compared. With <c>evidence</c> off the
/// protocol lists are left out (the counts stay).
/// </summary>
public static class AssessmentJsonWriter
{
    private const int FlushThreshold = 1 << 16;

    public static void Write(Stream output, MonthlyAssessment a, bool evidence)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("month", a.Month.ToString());
        w.WriteString("contractVersion", a.ContractVersion);
        w.WriteNumber("contractYear", a.ContractYear);
        w.WriteNumber("invoice", a.Invoice.Rounded);
        w.WriteBoolean("stabilizationWaived", a.StabilizationWaived);
        w.WriteStartArray("indicators");
        foreach (var r in a.Indicators)
        {
            WriteIndicator(w, r, evidence);
        }

        w.WriteEndArray();
        w.WriteNumber("penaltyPercent", Math.Round(a.PenaltyPercent, 4, MidpointRounding.AwayFromZero));
        w.WriteNumber("penaltyAmount", a.PenaltyAmount.Rounded);
        WriteAggravations(w, a.Aggravations);
        w.WriteNumber("totalAmount", a.TotalAmount.Rounded);
        WriteRescission(w, a.Rescission);
        WriteManagement(w, a.Management, evidence);
        w.WriteStartArray("anomalies");
        foreach (var x in a.Anomalies)
        {
            w.WriteStartObject();
            w.WriteString("dimension", ContractEnums.CamelCase(x.Dimension));
            w.WriteString("value", x.Value);
            w.WriteString("reference", x.Reference);
            w.WriteNumber("referenceVolume", x.ReferenceVolume);
            w.WriteNumber("volume", x.Volume);
            w.WriteNumber("changePercent", x.ChangePercent);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "warnings", a.Warnings);
        w.WriteStartArray("readings");
        foreach (var r in a.Readings)
        {
            w.WriteStartObject();
            w.WriteString("setting", r.Setting);
            w.WriteString("value", r.Value);
            w.WriteString("clause", r.Clause);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteOutcome(w, a.Outcome, deferred: false);
        if (a.Settlement is { } settlement)
        {
            WriteSettlement(w, settlement);
        }

        w.WriteEndObject();
    }

    private static void WriteAggravations(Utf8JsonWriter w, IReadOnlyList<Aggravation> aggravations)
    {
        w.WriteStartArray("aggravations");
        foreach (var g in aggravations)
        {
            w.WriteStartObject();
            w.WriteString("rule", g.Rule);
            w.WriteNumber("months", g.Months);
            w.WriteNumber("base", g.Base.Rounded);
            w.WriteNumber("percent", g.Rate.Value);
            w.WriteNumber("amount", g.Amount.Rounded);
            Strings(w, "indicators", g.Indicators);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRescission(Utf8JsonWriter w, RescissionStatus r)
    {
        w.WriteStartObject("rescission");
        w.WriteNumber("high", r.High);
        w.WriteNumber("medium", r.Medium);
        w.WriteNumber("low", r.Low);
        w.WriteBoolean("near", r.Near);
        w.WriteBoolean("reached", r.Reached);
        w.WriteString("warning", r.Warning);
        w.WriteEndObject();
    }

    private static void WriteOutcome(Utf8JsonWriter w, MonthOutcome outcome, bool deferred)
    {
        w.WritePropertyName("outcome");
        MonthOutcomeJson.Write(w, outcome, deferred);
    }

    /// <summary>The justification workflow's effect (ADR-015): no instant of the run is written, so re-settling an unchanged month writes the same bytes.</summary>
    private static void WriteSettlement(Utf8JsonWriter w, MonthSettlement s)
    {
        w.WriteStartObject("settlement");
        w.WriteString("closedOn", SettlementJson.Day(s.ClosedOn));
        w.WriteBoolean("final", s.Final);
        w.WriteStartArray("justifications");
        foreach (var i in s.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("indicator", i.Indicator);
            w.WriteNumber("penaltyAmount", i.Amount.Rounded);
            w.WriteString("disposition", ContractEnums.CamelCase(i.Outcome.Disposition));
            w.WriteString("supplierDeadline", SettlementJson.Day(i.Outcome.SupplierDeadline));
            w.WriteString("submittedOn", i.Justification is { } j ? SettlementJson.Day(j.SubmittedOn) : null);
            w.WriteString("managerDeadline", i.Outcome.ManagerDeadline is { } md ? SettlementJson.Day(md) : null);
            w.WriteString("decision", i.Justification?.Decision is { } d ? ContractEnums.CamelCase(d) : null);
            w.WriteString("decidedOn", i.Justification?.DecidedOn is { } on ? SettlementJson.Day(on) : null);
            w.WriteString("deferredTo", i.DeferredTo?.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("carriedIn");
        foreach (var c in s.CarriedIn)
        {
            w.WriteStartObject();
            w.WriteString("month", c.From.ToString());
            w.WriteString("indicator", c.Indicator);
            w.WriteNumber("amount", c.Amount.Rounded);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("appliedAmount", s.Applied.Rounded);
        w.WriteNumber("pendingAmount", s.Pending.Rounded);
        w.WriteNumber("waivedAmount", s.Waived.Rounded);
        w.WriteNumber("deferredAmount", s.Deferred.Rounded);
        w.WriteNumber("carriedInAmount", s.CarriedInAmount.Rounded);
        w.WriteNumber("ownReductionOnThisInvoice", s.OwnOnThisInvoice.Rounded);
        WriteAggravations(w, s.Aggravations);
        w.WriteNumber("aggravationsAmount", s.AggravationsAmount.Rounded);
        w.WriteNumber("reductionOnThisInvoice", s.OnThisInvoice.Rounded);
        WriteRescission(w, s.Rescission);
        WriteOutcome(w, s.Outcome, deferred: true);
        w.WriteEndObject();
    }

    private static void WriteIndicator(Utf8JsonWriter w, IndicatorResult r, bool evidence)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("name", r.Name);
        w.WriteString("formula", ContractEnums.CamelCase(r.Formula));
        w.WriteString("unit", r.Unit == IndicatorUnit.Percent ? "percent" : "seconds");
        w.WriteNumber("numerator", r.Measurement.Numerator);
        w.WriteNumber("denominator", r.Measurement.Denominator);
        Nullable(w, "value", r.Value);
        Nullable(w, "target", r.Target);
        w.WriteString("comparison", r.Comparison.Symbol());
        if (r.Met is { } met)
        {
            w.WriteBoolean("met", met);
        }
        else
        {
            w.WriteNull("met");
        }

        w.WriteString("channel", r.Channel);
        w.WriteNumber("baseAmount", r.BaseAmount.Rounded);
        w.WriteNumber("penaltyPercent", r.PenaltyPercent);
        w.WriteNumber("penaltyAmount", r.PenaltyAmount.Rounded);
        w.WriteString("impact", r.Impact == Impact.None ? null : ContractEnums.CamelCase(r.Impact));
        w.WriteBoolean("capped", r.Capped);
        if (r.LateActivities.Count > 0)
        {
            w.WriteStartArray("lateActivities");
            foreach (var late in r.LateActivities)
            {
                w.WriteStartObject();
                w.WriteString("protocol", late.Protocol);
                w.WriteNumber("value", late.Value.Rounded);
                w.WriteNumber("hoursLate", Math.Round(late.HoursLate, 2, MidpointRounding.AwayFromZero));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (evidence)
        {
            Strings(w, "evidence", r.Measurement.Evidence);
            Strings(w, "numeratorEvidence", r.Measurement.NumeratorEvidence);
        }

        w.WriteEndObject();
    }

    private static void WriteManagement(Utf8JsonWriter w, ManagementFigures m, bool evidence)
    {
        w.WriteStartObject("management");
        Figure(w, "meanFirstResponseSeconds", m.MeanFirstResponseSeconds, evidence);
        Figure(w, "meanSecondsBetweenReplies", m.MeanSecondsBetweenReplies, evidence);
        Figure(w, "surveyResponseRate", m.SurveyResponseRate, evidence);
        Breakdown(w, "volumes", m.Volumes, evidence);
        Breakdown(w, "backlog", m.Backlog, evidence);
        Strings(w, "repliedAfterTenBusinessDays", m.RepliedAfterTenBusinessDays);
        Strings(w, "openFromEarlierMonths", m.OpenFromEarlierMonths);
        w.WriteEndObject();
    }

    private static void Figure(Utf8JsonWriter w, string name, Measurement m, bool evidence)
    {
        w.WriteStartObject(name);
        w.WriteNumber("numerator", m.Numerator);
        w.WriteNumber("denominator", m.Denominator);
        Nullable(w, "value", m.Value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null);
        if (evidence)
        {
            Strings(w, "evidence", m.Evidence);
        }

        w.WriteEndObject();
    }

    private static void Breakdown(Utf8JsonWriter w, string name, Breakdown b, bool evidence)
    {
        w.WriteStartObject(name);
        w.WriteNumber("total", b.Total);
        foreach (var (dimension, values) in b.Tallies.OrderBy(d => d.Key))
        {
            w.WriteStartObject(ContractEnums.CamelCase(dimension));
            foreach (var (value, tally) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                if (evidence)
                {
                    w.WriteStartObject(value);
                    w.WriteNumber("count", tally.Count);
                    Strings(w, "protocols", tally.Protocols);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNumber(value, tally.Count);
                }
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
            if (w.BytesPending > FlushThreshold)
            {
                w.Flush(); // Utf8JsonWriter buffers until flushed: keep a million protocols out of memory
            }
        }

        w.WriteEndArray();
    }
}
