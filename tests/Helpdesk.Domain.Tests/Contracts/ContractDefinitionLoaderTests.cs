using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Contracts;

public class ContractDefinitionLoaderTests
{
    private const string Minimal = """{ "schemaVersion": 1, "id": "c1", "name": "Contrato 1" }""";

    private static ContractError SingleError(string json)
    {
        var result = ContractDefinitionLoader.Load(json);
        Assert.False(result.IsSuccess);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_built_in_contract_loads_with_the_default_calendar_and_catalogue()
    {
        var contract = DefaultContract.Definition;

        Assert.Equal("America/Sao_Paulo", contract.TimeZone.Id);
        Assert.Equal([BusinessHoursInterval.Create(480, 1080)], contract.Calendar.BusinessHours.On(DayOfWeek.Monday));
        Assert.Empty(contract.Calendar.BusinessHours.On(DayOfWeek.Saturday));
        Assert.Equal("24 hours", contract.ServiceCatalogue.Find("REPAIR", "normal")?.Resolution.Due.ToString());
        Assert.Equal(0.8, contract.ClockSettings.AtRiskThreshold);
    }

    [Fact]
    public void Missing_sections_take_their_documented_defaults()
    {
        var result = ContractDefinitionLoader.Load(Minimal);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Same(CalendarDefinition.NationalMondayToFriday, result.Definition.Calendar);
        Assert.Empty(result.Definition.ServiceCatalogue.Entries);
        Assert.True(result.Definition.ClockSettings.PauseStartDayCounts);
    }

    [Fact]
    public void Reads_optional_days_extra_holidays_and_atypical_days()
    {
        var json = """
            { "schemaVersion": 1, "id": "c1", "name": "Contrato 1",
              "calendar": {
                "businessHours": { "monday": [ { "start": "08:00", "end": "12:00" }, { "start": "14:00", "end": "18:00" } ] },
                "optionalDays": [ "corpusChristi" ],
                "extraHolidays": [ { "annual": "07-09", "name": "Revolução Constitucionalista", "scope": "state", "place": "SP" },
                                   { "date": "2026-06-08", "name": "Emenda", "scope": "contract" } ],
                "atypicalDays": [ { "date": "2026-06-15", "reason": "Ponto facultativo parcial", "businessHours": [ { "start": "13:00", "end": "18:00" } ] } ]
              } }
            """;

        var result = ContractDefinitionLoader.Load(json);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var calendar = result.Definition.Calendar;
        Assert.True(calendar.Observes(OptionalDay.CorpusChristi));
        Assert.Equal(HolidayKind.State, calendar.HolidayOn(new DateOnly(2029, 7, 9))?.Kind);
        Assert.Empty(calendar.HoursOn(new DateOnly(2026, 6, 8)));
        Assert.Equal([BusinessHoursInterval.Create(780, 1080)], calendar.HoursOn(new DateOnly(2026, 6, 15)));
        Assert.Equal(2, calendar.HoursOn(new DateOnly(2026, 6, 1)).Count);
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "businessHours": { "monday": [ { "start": "08:00", "end": "12:00" }, { "start": "14:00", "end": "25:00" } ] } } }""", "calendar.businessHours.monday[1].end")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "businessHours": { "monday": [ { "start": "08:00", "end": "12:00" }, { "start": "11:00", "end": "18:00" } ] } } }""", "calendar.businessHours.monday[1].start")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "businessHours": { "funday": [] } } }""", "calendar.businessHours.funday")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "timeZone": "America/Atlantis" } }""", "calendar.timeZone")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "holidays": [] } }""", "calendar.holidays")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "optionalDays": [ "carnival" ] } }""", "calendar.optionalDays[0]")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "extraHolidays": [ { "date": "2026-02-30", "name": "x", "scope": "state" } ] } }""", "calendar.extraHolidays[0].date")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "extraHolidays": [ { "annual": "07-09", "name": "x", "scope": "federal" } ] } }""", "calendar.extraHolidays[0].scope")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "clockSettings": { "atRiskThreshold": 80 } }""", "clockSettings.atRiskThreshold")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "clockSettings": { "businessDayDeadline": "noon" } }""", "clockSettings.businessDayDeadline")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "clockSettings": { "businessDayCountStart": "sameDay" } }""", "clockSettings.businessDayCountStart")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "serviceCatalogue": { "entries": [ { "category": "a", "priority": "b", "firstResponse": "2 business hours", "resolution": { "due": "5 dias" } } ] } }""", "serviceCatalogue.entries[0].resolution.due")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "serviceCatalogue": { "entries": [], "unclassified": { "firstResponse": "2 business hours", "resolution": "cinco dias" } } }""", "serviceCatalogue.unclassified.resolution")]
    [InlineData("""{ "schemaVersion": 1, "id": "c", "name": "n", "serviceCatalogue": { "entries": [], "unclassified": { "resolution": "5 business days" } } }""", "serviceCatalogue.unclassified.firstResponse")]
    [InlineData("""{ "schemaVersion": 2, "id": "c", "name": "n" }""", "schemaVersion")]
    [InlineData("""{ "schemaVersion": 1, "name": "n" }""", "id")]
    [InlineData("""[]""", "$")]
    [InlineData("""{ "schemaVersion": 1, """, "$")]
    public void An_invalid_field_is_reported_by_its_path(string json, string path)
    {
        Assert.Equal(path, SingleError(json).Path);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var result = ContractDefinitionLoader.Load("""{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "timeZone": "Nowhere", "optionalDays": [ 3 ] }, "clockSettings": { "pendingCancellationDays": 0 } }""");

        Assert.Equal(["calendar.timeZone", "calendar.optionalDays[0]", "clockSettings.pendingCancellationDays"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Unknown_root_sections_are_listed_not_rejected()
    {
        var result = ContractDefinitionLoader.Load("""{ "schemaVersion": 1, "id": "c", "name": "n", "reports": {}, "penalties": [] }""");

        Assert.True(result.IsSuccess);
        Assert.Equal(["reports", "penalties"], result.Definition.UnknownSections);
        Assert.Null(result.Definition.Assessment); // no assessment section: a calendar-only contract
    }

    [Fact]
    public void The_target_of_unclassified_tickets_is_the_contracts_or_the_documented_default()
    {
        var named = ContractDefinitionLoader.Load("""{ "schemaVersion": 1, "id": "c", "name": "n", "serviceCatalogue": { "entries": [], "unclassified": { "firstResponse": "1 business hours", "resolution": "2 business days" } } }""");
        var unnamed = ContractDefinitionLoader.Load("""{ "schemaVersion": 1, "id": "c", "name": "n" }""");

        Assert.Equal(BusinessDuration.BusinessDays(2), named.Definition!.ServiceCatalogue.TargetsFor(null, null).Resolution.Due);
        Assert.Equal(BusinessDuration.BusinessDays(5), unnamed.Definition!.ServiceCatalogue.TargetsFor("incident", null).Resolution.Due);
        Assert.Equal(BusinessDuration.BusinessDays(10), unnamed.Definition!.ServiceCatalogue.Unclassified.Resolution.Limit);
        Assert.Equal(BusinessDuration.BusinessHours(TimeSpan.FromHours(8)), DefaultContract.Definition.ServiceCatalogue.TargetsFor("incident", "high").Resolution.Due);
    }

    [Fact]
    public void Catalogue_targets_carry_the_regulator_caps()
    {
        var target = DefaultContract.Definition.ServiceCatalogue.Find("installation", "normal")!.Resolution;

        Assert.Equal(BusinessDuration.BusinessDays(10), target.Due);
        Assert.Equal(BusinessDuration.BusinessDays(15), target.Limit);
        Assert.Equal(BusinessDuration.BusinessDays(5), target.LimitPastRequested);
    }
}
