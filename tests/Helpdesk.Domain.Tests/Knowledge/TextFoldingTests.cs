using Helpdesk.Domain.Knowledge;

namespace Helpdesk.Domain.Tests.Knowledge;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Ação", "acao")]
    [InlineData("REDEFINIÇÃO de Senha", "redefinicao de senha")]
    [InlineData("pão, maçã e açaí!", "pao maca e acai")]
    [InlineData("  ana.lima@IFRS.edu.br  ", "ana lima ifrs edu br")]
    [InlineData("Übergröße Ñandú", "ubergroße nandu")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folding_drops_accents_case_and_punctuation(string? text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Query_terms_are_the_distinct_folded_words() =>
        Assert.Equal(["senha", "sigaa"], TextFolding.Terms("Senha SIGAA senha"));
}
