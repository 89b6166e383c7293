using System.Globalization;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Indicators;

/// <summary>Computes a month's assessment from the contract and the raw records. Pure and deterministic.</summary>
public static class MonthlyAssessor
{
    public static MonthlyAssessment Assess(AssessmentContract contract, AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(input);
        var zone = Common.TimeZones.Resolve(contract.TimeZone) ?? throw new ArgumentException($"Unknown time zone '{contract.TimeZone}'.", nameof(contract));
        var atypical = contract.AtypicalDays.Select(d => d.Date).ToHashSet();
        var warnings = new List<string>();

        var settings = new TicketIndicatorSettings(input.Month, zone, atypical, input.Calendar)
        {
            RegistrationMinutes = (int)(ParameterOf(contract, IndicatorFormula.RegisteredWithinMinutes) ?? 7m),
            ReplyBusinessDays = (int)(ParameterOf(contract, IndicatorFormula.RepliesWithinBusinessDays) ?? 5m),
            SatisfiedScore = (int)(ParameterOf(contract, IndicatorFormula.Satisfaction) ?? 8m),
            TrendMonths = contract.Anomalies.TrendMonths,
        };
        var tickets = new TicketIndicatorCalculator(settings);
        foreach (var ticket in input.Tickets)
        {
            tickets.Add(ticket);
        }

        var ticketFigures = tickets.Result();
        IReadOnlyDictionary<IndicatorFormula, Measurement> callFigures = new Dictionary<IndicatorFormula, Measurement>();
        if (input.CallIntervals is { } intervals)
        {
            var calls = new CallCentreIndicatorCalculator(input.Month, zone, atypical);
            foreach (var row in intervals)
            {
                calls.Add(row);
            }

            callFigures = calls.Result();
        }
        else
        {
            warnings.Add("callCentre: no call-centre data for the month (no import, or no --calls): its indicators are not measured, not zero calls.");
        }

        if (input.Availability is { } availability)
        {
            var figures = AvailabilityCalculator.Measure(input.Month, zone, atypical, availability);
            if (!figures.HasHeartbeats)
            {
                warnings.Add("availability: the probe's log has no heartbeat in the period; availability is not measured.");
            }

            if (callFigures.TryGetValue(IndicatorFormula.Availability, out var fromCalls) && fromCalls.Denominator > 0m)
            {
                warnings.Add("availability: measured from the probe's heartbeats; the call-centre rows' unavailableSeconds were not used.");
            }

            callFigures = new Dictionary<IndicatorFormula, Measurement>(callFigures) { [IndicatorFormula.Availability] = figures.Measurement };
        }

        var invoiceValues = input.Invoice is { } overridden ? contract.Invoice with { Monthly = overridden } : contract.Invoice;
        var invoice = invoiceValues.Monthly ?? Money.Zero;
        if (invoiceValues.Monthly is null)
        {
            warnings.Add("invoice: no monthly invoice value (contract invoice.monthlyValue or --invoice): amounts are zero.");
        }

        var waived = contract.Stabilization.Waives(input.Month, contract.ContractStart);
        if (waived)
        {
            warnings.Add($"stabilization: {input.Month} starts within the first {contract.Stabilization.Days} days of the contract; fines are not applied (3.3).");
        }

        var flexibilized = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in contract.Stabilization.Flexibilizations.Where(f => f.AppliesTo(input.Month)))
        {
            warnings.Add($"stabilization.flexibilizations: {f.From:yyyy-MM-dd} to {f.To:yyyy-MM-dd} ({(f.Indicators.Count == 0 ? "every indicator" : string.Join(", ", f.Indicators))}): fines waived by agreement: {f.Terms} (3.3).");
            flexibilized.UnionWith(contract.Indicators.Where(i => f.Covers(input.Month, i.Id)).Select(i => i.Id));
        }

        var year = contract.ContractYearOf(input.Month);
        var rows = new List<IndicatorResult>();
        foreach (var definition in contract.Indicators)
        {
            var measurement = ticketFigures.Indicators.TryGetValue(definition.Formula, out var m) ? m
                : callFigures.TryGetValue(definition.Formula, out var c) ? c
                : Measurement.Empty(definition.Unit);
            var row = Evaluate(contract, definition, measurement, ticketFigures.LateActivities, year, invoiceValues, waived || flexibilized.Contains(definition.Id), warnings);
            rows.Add(row);
        }

        var indicatorsAmount = rows.Aggregate(Money.Zero, (sum, r) => sum + r.PenaltyAmount);
        if (contract.Options.TotalCap is { } totalCap && indicatorsAmount > totalCap.Of(invoice))
        {
            indicatorsAmount = totalCap.Of(invoice);
            warnings.Add($"options.totalCap: the month's fines were capped at {totalCap}.");
        }

        var penaltyPercent = invoice.Amount > 0m
            ? indicatorsAmount.Amount * 100m / invoice.Amount
            : rows.Sum(r => r.PenaltyPercent);

        var missed = rows.Where(r => r.Met == false && r.HasPenalty && !waived && !flexibilized.Contains(r.Id)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var impacts = rows.Where(r => r.Impact != Impact.None).Select(r => r.Impact).ToList();
        var outcome = new MonthOutcome(input.Month, invoice, missed, impacts);
        var aggravations = waived ? [] : AggravationCalculator.Compute(contract.Aggravations, input.History, outcome);
        var rescission = RescissionStatus.Evaluate(contract.Rescission, input.History, outcome);
        if (rescission.Warning is { } warning)
        {
            warnings.Add(warning);
        }

        if (ticketFigures.ExcludedAtypical > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"atypicalDays: {ticketFigures.ExcludedAtypical} ticket(s) received on atypical days were left out of the indicators (4.1)."));
        }

        return new MonthlyAssessment
        {
            Month = input.Month,
            ContractVersion = contract.Version,
            ContractYear = year,
            Invoice = invoice,
            StabilizationWaived = waived,
            Indicators = rows,
            PenaltyPercent = penaltyPercent,
            PenaltyAmount = indicatorsAmount,
            Aggravations = aggravations,
            TotalAmount = aggravations.Aggregate(indicatorsAmount, (sum, a) => sum + a.Amount),
            Rescission = rescission,
            Management = ticketFigures.Management,
            Anomalies = VolumeAnomalyDetector.Detect(ticketFigures.Management.Volumes, ticketFigures.History, contract.Anomalies),
            Warnings = warnings,
            Readings = AssessmentReadings.Of(contract, input.Month),
            Outcome = outcome,
        };
    }

    private static IndicatorResult Evaluate(
        AssessmentContract contract,
        IndicatorDefinition definition,
        Measurement measurement,
        IReadOnlyList<LateActivity> late,
        int contractYear,
        InvoiceValues invoice,
        bool waived,
        List<string> warnings)
    {
        var options = contract.Options;
        var target = definition.TargetFor(contractYear);
        // The value is shown rounded as the annex writes numbers; it is compared (met, bands, steps) exactly unless the
        // contract reads it rounded (options.targetComparison).
        var value = measurement.Value is { } raw ? PenaltyCalculator.Round(raw, definition.Unit, options) : (decimal?)null;
        var compared = options.TargetComparison == TargetComparison.Rounded ? value : measurement.Value;
        if (definition.Channel is { } channel && !invoice.Channels.ContainsKey(channel) && definition.Penalty is not null)
        {
            warnings.Add($"invoice.channels.{channel}: no value; the fines of {definition.Id} fall on the whole invoice (4.14).");
        }

        var baseAmount = invoice.BaseFor(definition.Channel);
        bool? met = compared is { } v && target is { } t ? definition.Comparison.IsMet(v, t) : null;
        if (value is null)
        {
            warnings.Add($"{definition.Id}: not measured (no records in the population this month).");
        }

        var penalty = IndicatorPenalty.None;
        var lateHere = definition.Formula == IndicatorFormula.ActivityLateness ? late : [];
        if (!waived && met == false && definition.Penalty is { } rule && target is { } goal && compared is { } achieved)
        {
            penalty = rule is LatenessBandsRule lateness
                ? PenaltyCalculator.ForLateActivities(lateness, lateHere, baseAmount)
                : PenaltyCalculator.ForValue(rule, achieved, goal, definition.Comparison, definition.Unit, baseAmount, options);
        }

        return new IndicatorResult
        {
            Id = definition.Id,
            Name = definition.Name,
            Formula = definition.Formula,
            Unit = definition.Unit,
            Measurement = measurement,
            Value = value,
            Target = target,
            Comparison = definition.Comparison,
            Met = met,
            Channel = definition.Channel,
            BaseAmount = baseAmount,
            PenaltyPercent = penalty.Rate.Value,
            PenaltyAmount = penalty.Amount,
            Impact = penalty.Impact,
            Capped = penalty.Capped,
            LateActivities = lateHere,
            HasPenalty = definition.Penalty is not null,
        };
    }

    private static decimal? ParameterOf(AssessmentContract contract, IndicatorFormula formula) =>
        contract.Indicators.FirstOrDefault(i => i.Formula == formula && i.Parameter is not null)?.Parameter;
}
