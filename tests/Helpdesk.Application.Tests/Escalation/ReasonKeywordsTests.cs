using System.Text.Json;
using Helpdesk.Application;
using Helpdesk.Application.Escalation;
using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Application.Tests.Escalation;

/// <summary>The escalation reason keywords are catalogue data: per level-2 group, editable, and resolved to the built-in
/// ones for a group given (or stored by an older version) without them.</summary>
public class ReasonKeywordsTests
{
    [Fact]
    public void The_built_in_catalogue_has_the_identity_and_network_keywords()
    {
        Assert.Equal(["senha", "acesso", "login", "permissão", "conta bloqueada"], SupportCatalogue.Default.FindGroup("identity")!.ReasonKeywords);
        Assert.Equal(["vpn", "rede", "conexão", "wi-fi", "internet"], SupportCatalogue.Default.FindGroup("network")!.ReasonKeywords);
        Assert.Empty(SupportCatalogue.Default.FindGroup("systems")!.ReasonKeywords!);
        Assert.Empty(SupportCatalogue.Default.FindGroup("service-desk")!.ReasonKeywords!);
    }

    [Fact]
    public void A_catalogue_stored_before_keywords_were_data_gets_the_built_in_keywords_of_its_groups()
    {
        // The document an older version stored (SQLite row, Cosmos item): groups without "reasonKeywords".
        var legacy = JsonSerializer.Serialize(SupportCatalogue.Default, JsonDefaults.Options);
        Assert.Contains("reasonKeywords", legacy, StringComparison.Ordinal); // what this version stores

        var node = System.Text.Json.Nodes.JsonNode.Parse(legacy)!;
        foreach (var group in node["groups"]!.AsArray())
        {
            group!.AsObject().Remove("reasonKeywords");
        }

        var read = node.Deserialize<SupportCatalogue>(JsonDefaults.Options)!;

        Assert.DoesNotContain("reasonKeywords", node.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(SupportCatalogue.Default.Groups, read.Groups);
        Assert.Equal("identity", EscalationRouting.For(read).Route(null, null, "Esqueci a SENHA").Group);
        Assert.Equal("network", EscalationRouting.For(read).Route("incident", "high", "VPN fora").Group);
    }

    [Fact]
    public void Keywords_edited_as_data_route_and_an_empty_list_means_none()
    {
        var d = SupportCatalogue.Default;
        var groups = d.Groups
            .Select(g => g.Code switch
            {
                "field" => g with { ReasonKeywords = ["impressora", "toner"] },
                "identity" => g with { ReasonKeywords = [] },
                _ => g,
            })
            .ToList();
        var edited = new SupportCatalogue(d.Categories, d.Priorities, groups);
        var router = EscalationRouting.For(edited);

        Assert.Equal("field", router.Route("incident", "high", "Impressora sem toner").Group);
        Assert.Equal("systems", router.Route("incident", "high", "senha expirada").Group); // identity has no keywords now
        Assert.Equal("network", router.Route(null, null, "sem conexão").Group);
        Assert.Equal("systems", EscalationRouting.For(d).Route(null, null, "Impressora sem toner").Group);
    }

    [Fact]
    public void Only_level_2_groups_have_keywords_and_a_keyword_is_a_non_empty_word()
    {
        var d = SupportCatalogue.Default;
        var groups = d.Groups
            .Select(g => g.Code switch
            {
                "service-desk" => g with { ReasonKeywords = ["senha"] },
                "field" => g with { ReasonKeywords = ["ok", " "] },
                _ => g,
            })
            .ToList();

        var errors = SupportCatalogue.Validate(d.Categories, d.Priorities, groups);

        Assert.Equal(["groups[0].reasonKeywords", "groups[4].reasonKeywords"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
