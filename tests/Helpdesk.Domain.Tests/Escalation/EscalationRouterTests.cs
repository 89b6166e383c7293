using Helpdesk.Domain.Common;
using Helpdesk.Domain.Escalation;

namespace Helpdesk.Domain.Tests.Escalation;

public class EscalationRouterTests
{
    private static readonly EscalationRouter Router = new(
    [
        new RoutingRule("n2-geral"),
        new RoutingRule("n2-sistemas", Category: "sistemas"),
        new RoutingRule("n2-sistemas-urgente", Category: "sistemas", Priority: "alta"),
        new RoutingRule("n2-banco-de-dados", Category: "sistemas", ReasonKeywords: ["banco de dados", "SQL"]),
        new RoutingRule("n2-redes", ReasonKeywords: ["conexão", "VPN"]),
    ]);

    [Theory]
    [InlineData("acesso", "media", "não sei resolver", "n2-geral")]
    [InlineData("sistemas", "media", "erro na tela", "n2-sistemas")]
    [InlineData("sistemas", "alta", "erro na tela", "n2-sistemas-urgente")]
    [InlineData("sistemas", "media", "falha no Banco de Dados", "n2-banco-de-dados")]
    [InlineData("sistemas", "alta", "falha no banco de dados", "n2-sistemas-urgente")]
    [InlineData("acesso", "baixa", "sem conexao com a vpn", "n2-redes")]
    [InlineData("acesso", "baixa", "sem CONEXÃO", "n2-redes")]
    public void The_most_specific_matching_rule_wins(string category, string priority, string reason, string expected)
    {
        Assert.Equal(expected, Router.Route(category, priority, reason).Group);
    }

    [Fact]
    public void The_decision_explains_itself_in_portuguese()
    {
        Assert.Equal("categoria sistemas, prioridade alta", Router.Route("sistemas", "alta", "x").Explanation);
        Assert.Equal("regra geral", Router.Route(null, null, "x").Explanation);
    }

    [Fact]
    public void Without_a_catch_all_an_unmatched_hand_off_is_an_error_not_a_guess()
    {
        var router = new EscalationRouter([new RoutingRule("n2-sistemas", Category: "sistemas")]);

        var error = Assert.Throws<DomainException>(() => router.Route("acesso", null, "x"));
        Assert.Equal("routing.noMatch", error.Code);
    }
}
