using Helpdesk.Application.Escalation;
using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Application.Tests.Escalation;

/// <summary>The routing table derived from the built-in catalogue.</summary>
public class EscalationRoutingTests
{
    private static readonly Helpdesk.Domain.Escalation.EscalationRouter Router = EscalationRouting.For(SupportCatalogue.Default);

    [Theory]
    [InlineData("incident", "high", "Erro 500 ao salvar", "systems")]
    [InlineData("repair", "normal", "Equipamento não liga", "network")]
    [InlineData("installation", "normal", "Agendar visita", "field")]
    [InlineData("incident", "high", "Usuário sem acesso ao sistema, senha expirada", "identity")]
    [InlineData(null, null, "Não sei classificar", "systems")]
    [InlineData(null, null, "A VPN não conecta", "network")]
    public void Routes_by_category_and_reason_with_a_catch_all(string? category, string? priority, string reason, string group) =>
        Assert.Equal(group, Router.Route(category, priority, reason).Group);

    [Fact]
    public void The_explanation_says_which_rule_matched_in_portuguese()
    {
        var decision = Router.Route("incident", "high", "senha expirada");

        Assert.Contains("categoria incident", decision.Explanation, StringComparison.Ordinal);
        Assert.Contains("motivo menciona", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hand_off_group_is_the_named_one_else_the_categorys_else_the_tables()
    {
        Assert.Equal("field", EscalationRouting.HandOffGroup(SupportCatalogue.Default, "incident", "high", "field", "x").Code);
        Assert.Equal("systems", EscalationRouting.HandOffGroup(SupportCatalogue.Default, "incident", "high", null, "senha").Code);
        Assert.Equal("network", EscalationRouting.HandOffGroup(SupportCatalogue.Default, null, null, null, "vpn caiu").Code);
    }
}
