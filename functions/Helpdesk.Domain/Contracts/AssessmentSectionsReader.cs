using System.Globalization;
using System.Text.Json;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Contracts;

/// <summary>
/// The assessment sections of a contract document (docs/assessment-contract.md), read for
/// <see cref="ContractDefinitionLoader"/>: the one load of a contract reads them beside the calendar, and its errors are
/// the loader's <see cref="ContractError"/>s, each naming the field. Never throws on bad input.
/// </summary>
internal static class AssessmentSectionsReader
{
    /// <summary>The sections of <paramref name="json"/> (a JSON object holding only the sections this version reads), or
    /// null with the problems added to <paramref name="errors"/>.</summary>
    public static AssessmentContract? Read(string json, List<ContractError> errors)
    {
        var found = new List<string>();
        var contract = Parse(json, found);
        errors.AddRange(found.Select(ToError));
        return found.Count == 0 ? contract : null;
    }

    /// <summary><c>field: message</c> as a <see cref="ContractError"/>; a message naming no field is about the whole document (<c>$</c>).</summary>
    private static ContractError ToError(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? new ContractError(error[..colon], error[(colon + 2)..]) : new ContractError("$", error.TrimStart(':', ' '));
    }

    private static AssessmentContract? Parse(string json, List<string> errors)
    {
        ContractJsonModel.Root? root;
        try
        {
            root = JsonSerializer.Deserialize<ContractJsonModel.Root>(json, ContractJsonModel.SerializerOptions);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            var unknown = ex.Message.Contains("could not be mapped", StringComparison.Ordinal);
            errors.Add($"{path.TrimStart('$').TrimStart('.')}: {(unknown ? "unknown field" : "invalid JSON or wrong type")} ({ex.Message.Split(". Path", 2)[0]})");
            return null;
        }

        if (root is null)
        {
            errors.Add("$: the contract must be a JSON object");
            return null;
        }

        return Build(root, errors);
    }

    private static AssessmentContract Build(ContractJsonModel.Root root, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(root.Version))
        {
            errors.Add("version: required (e.g. \"mec-2019-ans-1\")");
        }

        DateOnly? start = null;
        if (root.ContractStart is not null)
        {
            start = ParseDate(root.ContractStart, "contractStart", errors);
        }

        // In a whole contract document the calendar section holds the time zone and the atypical days: one source.
        var calendar = root.Calendar is { ValueKind: JsonValueKind.Object } c ? c : (JsonElement?)null;
        var calendarZone = calendar is { } cz && cz.TryGetProperty("timeZone", out var z) && z.ValueKind == JsonValueKind.String ? z.GetString() : null;
        if (root.TimeZone is not null && calendarZone is not null)
        {
            errors.Add("timeZone: the document has calendar.timeZone; set the time zone once, there");
        }

        var zone = root.TimeZone ?? calendarZone ?? "America/Sao_Paulo";
        if (Common.TimeZones.Resolve(zone) is null)
        {
            errors.Add($"timeZone: unknown time zone '{zone}'");
        }

        var invoice = Invoice(root.Invoice, errors);
        var stabilization = new Stabilization();
        if (root.Stabilization is { } s)
        {
            if (s.Days is < 0 or > 3650)
            {
                errors.Add("stabilization.days: must be between 0 and 3650");
            }

            var policy = StabilizationPolicy.ApplyTargets;
            if (s.Policy is not null && !ContractEnums.TryParse(s.Policy, out policy))
            {
                errors.Add($"stabilization.policy: must be one of {ContractEnums.Names<StabilizationPolicy>()}");
            }

            var flexibilizations = new List<Flexibilization>();
            for (var i = 0; i < (s.Flexibilizations?.Count ?? 0); i++)
            {
                var f = s.Flexibilizations![i];
                var path = $"stabilization.flexibilizations[{i}]";
                DateOnly? from = f?.From is null ? null : ParseDate(f.From, path + ".from", errors);
                DateOnly? to = f?.To is null ? null : ParseDate(f.To, path + ".to", errors);
                if (f?.From is null)
                {
                    errors.Add($"{path}.from: required (YYYY-MM-DD)");
                }

                if (f?.To is null)
                {
                    errors.Add($"{path}.to: required (YYYY-MM-DD)");
                }

                if (string.IsNullOrWhiteSpace(f?.Terms))
                {
                    errors.Add($"{path}.terms: required (the agreement's terms and reference, as the parties wrote them)");
                }

                if (from is { } a && to is { } b)
                {
                    if (b < a)
                    {
                        errors.Add($"{path}.to: must not be before from");
                    }
                    else if (!string.IsNullOrWhiteSpace(f!.Terms))
                    {
                        flexibilizations.Add(new Flexibilization(a, b, f.Terms.Trim(), [.. f.Indicators ?? []]));
                    }
                }
            }

            stabilization = new Stabilization(s.Days ?? 90, policy) { Flexibilizations = flexibilizations };
        }

        var atypical = new List<Calendar.AtypicalDay>();
        if (calendar is { } ca && ca.TryGetProperty("atypicalDays", out var calendarDays) && calendarDays.ValueKind == JsonValueKind.Array)
        {
            if (root.AtypicalDays is not null)
            {
                errors.Add("atypicalDays: the document has calendar.atypicalDays; list the atypical days once, there");
            }

            // The calendar reader (ContractDefinitionLoader) validates the rest of each entry; here the days the assessment leaves out.
            var i = 0;
            foreach (var day in calendarDays.EnumerateArray())
            {
                var field = $"calendar.atypicalDays[{i++}].date";
                if (day.ValueKind != JsonValueKind.Object || !day.TryGetProperty("date", out var date) || date.ValueKind != JsonValueKind.String)
                {
                    errors.Add($"{field}: required (YYYY-MM-DD)");
                }
                else if (ParseDate(date.GetString()!, field, errors) is { } d)
                {
                    // Closed here; the loader puts the calendar's own entries (with their hours) in their place.
                    atypical.Add(new Calendar.AtypicalDay(d, day.TryGetProperty("reason", out var why) && why.ValueKind == JsonValueKind.String ? why.GetString() ?? "" : "", []));
                }
            }
        }

        for (var i = 0; i < (root.AtypicalDays?.Count ?? 0); i++)
        {
            var a = root.AtypicalDays![i];
            if (a?.Date is null)
            {
                errors.Add($"atypicalDays[{i}].date: required (YYYY-MM-DD)");
                continue;
            }

            if (ParseDate(a.Date, $"atypicalDays[{i}].date", errors) is { } d)
            {
                atypical.Add(new Calendar.AtypicalDay(d, a.Reason ?? "", [])); // an interruption (ANS 4.1): closed
            }
        }

        var o = new OptionSection("options", root.Options, errors);
        var options = new InterpretationOptions
        {
            BandOverlaps = o.Enum("bandOverlaps", BandResolution.MilderBand),
            BandGaps = o.Enum("bandGaps", BandResolution.MilderBand),
            PercentDecimals = o.Int("percentDecimals", 2, 0, 6),
            SecondsDecimals = o.Int("secondsDecimals", 0, 0, 6),
            TotalCap = o.Decimal("totalCap", null, 0m, 100m) is { } cap ? Percent.Of(cap) : null,
            TargetComparison = o.Enum("targetComparison", TargetComparison.Exact),
        };
        o.RejectUnknown();

        var g = new OptionSection("aggravations", root.Aggravations, errors);
        var aggravations = new AggravationRules
        {
            ConsecutiveMonths = g.Int("consecutiveMonths", 2, 0, 120),
            ConsecutiveRate = Percent.Of(g.Decimal("consecutiveRate", 1m, 0m, 100m) ?? 0m),
            SemesterMonths = g.Int("semesterMonths", 6, 0, 120),
            SemesterRate = Percent.Of(g.Decimal("semesterRate", 0.5m, 0m, 100m) ?? 0m),
            Scope = g.Enum("scope", AggravationScope.SameIndicator),
            Windows = g.Enum("windows", AggravationWindows.NonOverlapping),
        };
        g.RejectUnknown();

        var r = new OptionSection("rescission", root.Rescission, errors);
        var rescission = new RescissionRule
        {
            High = r.Int("high", 3, 1, 1000),
            Medium = r.Int("medium", 5, 1, 1000),
            Low = r.Int("low", 7, 1, 1000),
            WindowMonths = r.Int("windowMonths", 12, 1, 120),
            WarnMargin = r.Int("warnMargin", 1, 0, 1000),
        };
        r.RejectUnknown();

        var j = new OptionSection("justification", root.Justification, errors);
        var justification = new JustificationRules
        {
            SupplierBusinessDays = j.Int("supplierBusinessDays", 5, 0, 365),
            ManagerBusinessDays = j.Int("managerBusinessDays", 5, 0, 365),
            ManagerWindowStart = j.Enum("managerWindowStart", ManagerWindowStart.Submission),
        };
        j.RejectUnknown();

        var n = new OptionSection("anomalies", root.Anomalies, errors);
        var anomalies = new AnomalyOptions
        {
            ThresholdPercent = n.Decimal("thresholdPercent", 30m, 0m, 10_000m) ?? 30m,
            MinimumVolume = n.Int("minimumVolume", 20, 0, int.MaxValue),
            TrendMonths = n.Int("trendMonths", 3, 1, 11),
        };
        n.RejectUnknown();

        var indicators = new List<IndicatorDefinition>();
        if (root.Indicators is null || root.Indicators.Count == 0)
        {
            errors.Add("indicators: at least one indicator is required");
        }
        else
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < root.Indicators.Count; i++)
            {
                if (Indicator(root.Indicators[i], $"indicators[{i}]", invoice, errors) is { } def)
                {
                    if (!ids.Add(def.Id))
                    {
                        errors.Add($"indicators[{i}].id: '{def.Id}' is used twice");
                    }

                    indicators.Add(def);
                }
            }
        }

        return new AssessmentContract
        {
            Version = root.Version ?? "",
            ContractStart = start,
            TimeZone = zone,
            Indicators = indicators,
            Invoice = invoice,
            Stabilization = stabilization,
            AtypicalDays = atypical,
            Aggravations = aggravations,
            Rescission = rescission,
            Justification = justification,
            Options = options,
            Anomalies = anomalies,
        };
    }

    private static InvoiceValues Invoice(ContractJsonModel.Invoice? invoice, List<string> errors)
    {
        if (invoice is null)
        {
            return InvoiceValues.None;
        }

        Money? monthly = null;
        if (invoice.MonthlyValue is { } m)
        {
            if (m < 0m)
            {
                errors.Add("invoice.monthlyValue: cannot be negative");
            }
            else
            {
                monthly = Money.Brl(m);
            }
        }

        var channels = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var (name, value) in invoice.Channels ?? [])
        {
            if (value < 0m)
            {
                errors.Add($"invoice.channels.{name}: cannot be negative");
            }
            else
            {
                channels[name] = Money.Brl(value);
            }
        }

        return new InvoiceValues(monthly, channels);
    }

    private static IndicatorDefinition? Indicator(ContractJsonModel.Indicator? dto, string path, InvoiceValues invoice, List<string> errors)
    {
        if (dto is null)
        {
            errors.Add($"{path}: must be an object");
            return null;
        }

        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(dto.Id))
        {
            errors.Add($"{path}.id: required");
        }

        if (string.IsNullOrWhiteSpace(dto.Name))
        {
            errors.Add($"{path}.name: required");
        }

        var formula = default(IndicatorFormula);
        if (!ContractEnums.TryParse(dto.Formula, out formula))
        {
            errors.Add($"{path}.formula: must be one of {ContractEnums.Names<IndicatorFormula>()}");
        }

        var comparison = default(Comparison);
        if (!ContractEnums.TryParse(dto.Comparison, out comparison))
        {
            errors.Add($"{path}.comparison: must be one of {ContractEnums.Names<Comparison>()}");
        }

        var target = dto.Target ?? 0m;
        if (dto.Target is null && dto.Penalty is not null)
        {
            errors.Add($"{path}.target: required when the indicator has a penalty");
        }
        else if (target < 0m)
        {
            errors.Add($"{path}.target: cannot be negative");
        }

        var isPercent = formula is not (IndicatorFormula.MeanWait or IndicatorFormula.MeanHandling or IndicatorFormula.ChatMeanHandling);
        if (isPercent && target > 100m)
        {
            errors.Add($"{path}.target: a percentage cannot exceed 100");
        }

        if (dto.Parameter is <= 0m)
        {
            errors.Add($"{path}.parameter: must be positive");
        }

        var changes = new List<TargetChange>();
        for (var i = 0; i < (dto.TargetChanges?.Count ?? 0); i++)
        {
            var c = dto.TargetChanges![i];
            if (c?.FromContractYear is not (>= 1 and <= 100) || c.Target is not { } t || t < 0m || (isPercent && t > 100m))
            {
                errors.Add($"{path}.targetChanges[{i}]: needs fromContractYear (1–100) and a valid target");
                continue;
            }

            changes.Add(new TargetChange(c.FromContractYear.Value, t));
        }

        if (dto.Channel is { } channel && invoice.Channels.Count > 0 && !invoice.Channels.ContainsKey(channel))
        {
            errors.Add($"{path}.channel: '{channel}' is not in invoice.channels");
        }

        var penalty = dto.Penalty is null ? null : Penalty(dto.Penalty, $"{path}.penalty", errors);
        if (penalty is LatenessBandsRule && formula != IndicatorFormula.ActivityLateness)
        {
            errors.Add($"{path}.penalty.kind: latenessBands applies only to formula activityLateness");
        }

        if (formula == IndicatorFormula.ActivityLateness && penalty is not (null or LatenessBandsRule))
        {
            errors.Add($"{path}.penalty.kind: formula activityLateness needs latenessBands");
        }

        return errors.Count > before
            ? null
            : new IndicatorDefinition
            {
                Id = dto.Id!,
                Name = dto.Name!,
                Source = dto.Source,
                Formula = formula,
                Parameter = dto.Parameter,
                Target = dto.Target,
                Comparison = comparison,
                TargetChanges = changes,
                Penalty = penalty,
                Channel = dto.Channel,
            };
    }

    private static PenaltyRule? Penalty(ContractJsonModel.Penalty dto, string path, List<string> errors)
    {
        var before = errors.Count;
        Percent? cap = null;
        if (dto.Cap is { } c)
        {
            if (Percent.TryCreate(c, out var p))
            {
                cap = p;
            }
            else
            {
                errors.Add($"{path}.cap: must be between 0 and 100");
            }
        }

        switch (dto.Kind)
        {
            case "perStep":
                if (dto.FinePerStep is not { } fine || !Percent.TryCreate(fine, out var finePerStep))
                {
                    errors.Add($"{path}.finePerStep: required, between 0 and 100");
                    return null;
                }

                if (dto.Step is not > 0m)
                {
                    errors.Add($"{path}.step: required, positive");
                    return null;
                }

                var partial = PartialPoints.WholeStepsOnly;
                if (dto.PartialPoints is not null && !ContractEnums.TryParse(dto.PartialPoints, out partial))
                {
                    errors.Add($"{path}.partialPoints: must be one of {ContractEnums.Names<PartialPoints>()}");
                }

                var origin = ShortfallOrigin.Target;
                if (dto.Origin is not null && !ContractEnums.TryParse(dto.Origin, out origin))
                {
                    errors.Add($"{path}.origin: must be one of {ContractEnums.Names<ShortfallOrigin>()}");
                }

                return errors.Count > before ? null : new PerStepRule(finePerStep, dto.Step.Value, partial, origin) { Cap = cap };
            case "achievedValueBands":
            case "impactBands":
            case "latenessBands":
                var table = Bands(dto.Bands, path, requireImpact: dto.Kind == "impactBands", errors);
                if (table is null || errors.Count > before)
                {
                    return null;
                }

                return dto.Kind switch
                {
                    "achievedValueBands" => new AchievedValueBandsRule(table) { Cap = cap },
                    "impactBands" => new ImpactBandsRule(table) { Cap = cap },
                    _ => new LatenessBandsRule(table) { Cap = cap },
                };
            default:
                errors.Add($"{path}.kind: must be one of perStep, achievedValueBands, impactBands, latenessBands");
                return null;
        }
    }

    private static BandTable? Bands(List<ContractJsonModel.Band?>? bands, string path, bool requireImpact, List<string> errors)
    {
        if (bands is null || bands.Count == 0)
        {
            errors.Add($"{path}.bands: at least one band is required");
            return null;
        }

        var result = new List<ValueBand>();
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            var at = $"{path}.bands[{i}]";
            if (b is null)
            {
                errors.Add($"{at}: must be an object");
                continue;
            }

            if (b.Min is not null && b.MinExclusive is not null)
            {
                errors.Add($"{at}.minExclusive: give min or minExclusive, not both");
                continue;
            }

            if (b.Max is not null && b.MaxExclusive is not null)
            {
                errors.Add($"{at}.maxExclusive: give max or maxExclusive, not both");
                continue;
            }

            if (b.Fine is not { } fine || !Percent.TryCreate(fine, out var finePercent))
            {
                errors.Add($"{at}.fine: required, between 0 and 100");
                continue;
            }

            var impact = Impact.None;
            if (b.Impact is not null && !ContractEnums.TryParse(b.Impact, out impact))
            {
                errors.Add($"{at}.impact: must be one of low, medium, high");
                continue;
            }

            if (requireImpact && impact == Impact.None)
            {
                errors.Add($"{at}.impact: required for impact bands (low, medium, high)");
                continue;
            }

            var min = b.Min ?? b.MinExclusive;
            var max = b.Max ?? b.MaxExclusive;
            if (min is null && max is null)
            {
                errors.Add($"{at}: needs min/minExclusive or max/maxExclusive");
                continue;
            }

            if (min is { } lo && max is { } hi && (lo > hi || (lo == hi && (b.MinExclusive is not null || b.MaxExclusive is not null))))
            {
                errors.Add($"{at}: lower bound {lo.ToString(CultureInfo.InvariantCulture)} is above upper bound {hi.ToString(CultureInfo.InvariantCulture)}");
                continue;
            }

            result.Add(ValueBand.Create(min, b.MinExclusive is null, max, b.MaxExclusive is null, finePercent, impact));
        }

        for (var i = 0; i < result.Count; i++)
        {
            for (var k = i + 1; k < result.Count; k++)
            {
                if (result[i].Impact == result[k].Impact && result[i].Impact != Impact.None)
                {
                    errors.Add($"{path}.bands[{k}].impact: '{ContractEnums.CamelCase(result[k].Impact)}' is used twice");
                }
            }
        }

        return result.Count == bands.Count ? new BandTable(result) : null;
    }

    private static DateOnly? ParseDate(string text, string path, List<string> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        errors.Add($"{path}: must be a date written YYYY-MM-DD");
        return null;
    }
}
