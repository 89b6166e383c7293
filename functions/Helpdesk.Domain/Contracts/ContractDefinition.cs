using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Sla;

namespace Helpdesk.Domain.Contracts;

/// <summary>
/// A support contract's definition, versioned (<see cref="SchemaVersion"/>) and loaded from JSON by
/// <see cref="ContractDefinitionLoader"/>. Each JSON section maps to its own type: <c>calendar</c> →
/// <see cref="CalendarDefinition"/>, <c>clockSettings</c> → <see cref="ClockSettings"/>, <c>serviceCatalogue</c> →
/// <see cref="ServiceCatalogue"/>, <c>externalTeams</c> → <see cref="ExternalTeams"/>, and the assessment sections →
/// <see cref="Assessment"/>. New sections are added as new
/// properties with their own reader; sections this version does not know are listed in <see cref="UnknownSections"/> instead of failing (docs/contract-schema.md).
/// </summary>
public sealed record ContractDefinition
{
    public const int CurrentSchemaVersion = 1;

    public required int SchemaVersion { get; init; }

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required CalendarDefinition Calendar { get; init; }

    /// <summary>The zone named by <c>calendar.timeZone</c>, resolved when the contract was loaded.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The contract's civil clock on <see cref="TimeZone"/>: local dates, months, protocol years.</summary>
    public ContractClock Clock => new(TimeZone);

    public required ClockSettings ClockSettings { get; init; }

    public required ServiceCatalogue ServiceCatalogue { get; init; }

    /// <summary>The teams outside the service desk to which level 2 forwards tickets (<c>externalTeams</c>; default none).</summary>
    public IReadOnlyList<Catalogue.ExternalTeam> ExternalTeams { get; init; } = [];

    /// <summary>How long ended tickets keep their personal data (<c>retention</c>; default five years after the end).</summary>
    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Default;

    public Catalogue.ExternalTeam? FindExternalTeam(string? code) =>
        ExternalTeams.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));

    /// <summary>
    /// The sections that drive the monthly assessment (<c>version</c>, <c>indicators</c>, penalties, stabilization,
    /// aggravations, rescission, justification, invoice …; docs/assessment-contract.md), read from the same document by
    /// the same load; null when the document has none of them (a calendar-only contract).
    /// </summary>
    public Helpdesk.Domain.Contracts.AssessmentContract? Assessment { get; init; }

    /// <summary>Root sections present in the JSON that this version does not read (e.g. a newer product's sections).</summary>
    public IReadOnlyList<string> UnknownSections { get; init; } = [];

    /// <summary>Compiles the calendar for arithmetic, with the contract's business-day settings.</summary>
    public BusinessCalendar BuildCalendar(int firstYear = BusinessCalendar.DefaultFirstYear, int lastYear = BusinessCalendar.DefaultLastYear) =>
        BusinessCalendar.Create(Calendar, TimeZone, ClockSettings.BusinessDayDeadline, ClockSettings.BusinessDayCountStart, firstYear, lastYear);
}
