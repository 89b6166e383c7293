using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Contracts;

/// <summary>The contract's <c>externalTeams</c> section and the <c>clockSettings.externalHandOffSuspendsClock</c> option.</summary>
public class ExternalTeamsSectionTests
{
    [Fact]
    public void The_built_in_contract_names_the_production_support_and_development_teams_and_keeps_the_clock_running()
    {
        var contract = DefaultContract.Definition;

        Assert.Equal(["production-support", "development"], contract.ExternalTeams.Select(t => t.Code));
        Assert.Equal("Suporte à produção", contract.FindExternalTeam("production-support")?.Name);
        Assert.Null(contract.FindExternalTeam("Production-Support"));
        Assert.False(contract.ClockSettings.ExternalHandOffSuspendsClock);
    }

    [Fact]
    public void Without_the_section_a_contract_has_no_external_team_and_hand_offs_do_not_suspend_the_clock()
    {
        var result = ContractDefinitionLoader.Load("""{ "schemaVersion": 1, "id": "c", "name": "n" }""");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Empty(result.Definition.ExternalTeams);
        Assert.False(result.Definition.ClockSettings.ExternalHandOffSuspendsClock);
        Assert.DoesNotContain("externalTeams", result.Definition.UnknownSections);
    }

    [Fact]
    public void A_contract_may_say_that_a_hand_off_suspends_the_clock()
    {
        var result = ContractDefinitionLoader.Load("""
            { "schemaVersion": 1, "id": "c", "name": "n",
              "clockSettings": { "externalHandOffSuspendsClock": true },
              "externalTeams": { "teams": [ { "code": "dba", "name": "Banco de dados" } ] } }
            """);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.True(result.Definition.ClockSettings.ExternalHandOffSuspendsClock);
        Assert.Equal("Banco de dados", Assert.Single(result.Definition.ExternalTeams).Name);
    }

    [Theory]
    [InlineData("""{ "teams": [ { "code": "dev", "name": "A" }, { "code": "dev", "name": "B" } ] }""", "externalTeams.teams[1].code")]
    [InlineData("""{ "teams": [ { "code": "dev" } ] }""", "externalTeams.teams[0].name")]
    [InlineData("""{ "teams": [ { "code": "dev", "name": "A", "email": "x" } ] }""", "externalTeams.teams[0].email")]
    [InlineData("""{ "teams": "dev" }""", "externalTeams.teams")]
    [InlineData("""{ "groups": [] }""", "externalTeams.groups")]
    [InlineData("""[]""", "externalTeams")]
    public void An_invalid_team_list_is_reported_by_its_path(string section, string path)
    {
        var result = ContractDefinitionLoader.Load($$"""{ "schemaVersion": 1, "id": "c", "name": "n", "externalTeams": {{section}} }""");

        Assert.False(result.IsSuccess);
        Assert.Equal(path, Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void The_suspension_option_must_be_a_boolean()
    {
        var result = ContractDefinitionLoader.Load("""{ "schemaVersion": 1, "id": "c", "name": "n", "clockSettings": { "externalHandOffSuspendsClock": "yes" } }""");

        Assert.Equal("clockSettings.externalHandOffSuspendsClock", Assert.Single(result.Errors).Path);
    }
}
