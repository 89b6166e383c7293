using System.Globalization;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Indicators;

/// <summary>
/// The readings of the annex in force for a month (docs/assessment-contract.md lists each with its default): how values
/// meet targets, how bands and steps are counted, stabilization and its agreed flexibilizations, aggravations and the
/// justification window. Written from the contract itself, so a summary always names what its figures were computed with.
/// </summary>
public static class AssessmentReadings
{
    public static IReadOnlyList<AssessmentReading> Of(AssessmentContract contract, AssessmentMonth month)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var o = contract.Options;
        var list = new List<AssessmentReading>
        {
            new("options.targetComparison", Name(o.TargetComparison), "003 4.5 e 4.7: metas como números (\"85%\", \"inferior ou igual a 20 segundos\")"),
            new("options.percentDecimals", o.PercentDecimals.ToString(CultureInfo.InvariantCulture), "003 4.5: \"84,99%\" (exibição; comparação só se targetComparison = rounded)"),
            new("options.secondsDecimals", o.SecondsDecimals.ToString(CultureInfo.InvariantCulture), "003 4.5: \"21s a 23s\" (exibição; comparação só se targetComparison = rounded)"),
            new("options.bandOverlaps", Name(o.BandOverlaps), "003 4.5: ISC \"84,99% a 82%\" e \"82,99% a 80%\" se sobrepõem"),
            new("options.bandGaps", Name(o.BandGaps), "003 4.5: faixas com lacunas (IACVB, IDS, TME)"),
            new("options.totalCap", o.TotalCap is { } cap ? cap.Value.ToString(CultureInfo.InvariantCulture) : "none", "003 4.8: \"poderá haver cumulação percentual\""),
        };
        foreach (var i in contract.Indicators)
        {
            list.Add(new($"indicators[{i.Id}].comparison", Name(i.Comparison), $"003 {i.Source ?? "indicador " + i.Id}"));
            if (i.Penalty is PerStepRule step)
            {
                list.Add(new($"indicators[{i.Id}].penalty.partialPoints", Name(step.PartialPoints), $"003 {i.Source ?? "indicador " + i.Id}: \"para cada\" (ambíguo: passos inteiros por padrão)"));
                list.Add(new($"indicators[{i.Id}].penalty.origin", Name(step.Origin), $"003 {i.Source ?? "indicador " + i.Id}: de onde se conta o que falta"));
            }
        }

        var s = contract.Stabilization;
        list.Add(new("stabilization.policy", Name(s.Policy), "003 3.3: \"poderão ser flexibilizadas por acordo entre as partes\""));
        for (var k = 0; k < s.Flexibilizations.Count; k++)
        {
            var f = s.Flexibilizations[k];
            if (f.AppliesTo(month))
            {
                var scope = f.Indicators.Count == 0 ? "todos os indicadores" : "indicadores " + string.Join(", ", f.Indicators);
                list.Add(new($"stabilization.flexibilizations[{k}]", $"{f.From:dd/MM/yyyy} a {f.To:dd/MM/yyyy}; {scope}; {f.Terms}", "003 3.3: flexibilização acordada entre as partes"));
            }
        }

        list.Add(new("aggravations.scope", Name(contract.Aggravations.Scope), "003 4.12: \"os indicadores permanecerem abaixo das metas\""));
        list.Add(new("aggravations.windows", Name(contract.Aggravations.Windows), "003 4.12 e 4.13: \"bimestre\", \"semestre consecutivo\""));
        list.Add(new("justification.managerWindowStart", Name(contract.Justification.ManagerWindowStart), "003 3.8: \"avaliá-las no mesmo prazo\""));
        return list;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => ContractEnums.CamelCase(value);
}
