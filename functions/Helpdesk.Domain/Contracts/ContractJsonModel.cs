using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Contracts;

/// <summary>The JSON shape of an assessment contract (docs/assessment-contract.md), as read before validation.</summary>
internal static class ContractJsonModel
{
    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    internal sealed class Root
    {
        public string? Version { get; set; }

        public string? Description { get; set; }

        public string? ContractStart { get; set; }

        public string? TimeZone { get; set; }

        public Invoice? Invoice { get; set; }

        public StabilizationSection? Stabilization { get; set; }

        public List<Atypical?>? AtypicalDays { get; set; }

        public Dictionary<string, JsonElement>? Options { get; set; }

        public Dictionary<string, JsonElement>? Aggravations { get; set; }

        public Dictionary<string, JsonElement>? Rescission { get; set; }

        public Dictionary<string, JsonElement>? Justification { get; set; }

        public Dictionary<string, JsonElement>? Anomalies { get; set; }

        public List<Indicator?>? Indicators { get; set; }

        // Sections read by ContractDefinitionLoader, so that one contract file can hold every section: ignored here.
        public JsonElement? SchemaVersion { get; set; }

        public JsonElement? Id { get; set; }

        public JsonElement? Name { get; set; }

        public JsonElement? Calendar { get; set; }

        public JsonElement? ClockSettings { get; set; }

        public JsonElement? ServiceCatalogue { get; set; }

        public JsonElement? ExternalTeams { get; set; }

        public JsonElement? Retention { get; set; }
    }

    internal sealed class Invoice
    {
        public decimal? MonthlyValue { get; set; }

        public Dictionary<string, decimal>? Channels { get; set; }
    }

    internal sealed class StabilizationSection
    {
        public int? Days { get; set; }

        public string? Policy { get; set; }

        public List<FlexibilizationEntry?>? Flexibilizations { get; set; }
    }

    internal sealed class FlexibilizationEntry
    {
        public string? From { get; set; }

        public string? To { get; set; }

        public string? Terms { get; set; }

        public List<string>? Indicators { get; set; }
    }

    internal sealed class Atypical
    {
        public string? Date { get; set; }

        public string? Reason { get; set; }
    }

    internal sealed class Indicator
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Source { get; set; }

        public string? Formula { get; set; }

        public decimal? Parameter { get; set; }

        public decimal? Target { get; set; }

        public string? Comparison { get; set; }

        public List<TargetChangeItem?>? TargetChanges { get; set; }

        public string? Channel { get; set; }

        public Penalty? Penalty { get; set; }
    }

    internal sealed class TargetChangeItem
    {
        public int? FromContractYear { get; set; }

        public decimal? Target { get; set; }
    }

    internal sealed class Penalty
    {
        public string? Kind { get; set; }

        public decimal? FinePerStep { get; set; }

        public decimal? Step { get; set; }

        public decimal? Cap { get; set; }

        public string? PartialPoints { get; set; }

        public string? Origin { get; set; }

        public List<Band?>? Bands { get; set; }
    }

    internal sealed class Band
    {
        public decimal? Min { get; set; }

        public decimal? MinExclusive { get; set; }

        public decimal? Max { get; set; }

        public decimal? MaxExclusive { get; set; }

        public decimal? Fine { get; set; }

        public string? Impact { get; set; }
    }
}
