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

    /// <summary>Issue 21: the table-driven fast path gives exactly what the ICU normalization path gives, for every
    /// character it covers (each alone, and mixed into random texts with spaces, punctuation and digits).</summary>
    [Fact]
    public void The_fast_path_folds_exactly_like_the_normalization_path()
    {
        for (var code = 0; code < 0x300; code++)
        {
            var text = "a" + (char)code + "B";
            Assert.Equal(TextFolding.FoldNormalized(text), TextFolding.Fold(text));
        }

        var random = new Random(21);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(4) switch
                {
                    0 => (char)random.Next(0x20, 0x7F),
                    1 => (char)random.Next(0xC0, 0x300),
                    2 => " .,-@/\t\n"[random.Next(8)],
                    _ => (char)random.Next(0, 0x300),
                };
            }

            var text = new string(chars);
            Assert.Equal(TextFolding.FoldNormalized(text), TextFolding.Fold(text));
        }
    }

    [Theory]
    [InlineData("Ação\u0301 combinada")] // a combining mark (U+0301) takes the normalization path
    [InlineData("Ωμέγα e ação")]
    [InlineData("emoji 😀 ação")]
    public void Texts_beyond_the_table_take_the_normalization_path(string text) =>
        Assert.Equal(TextFolding.FoldNormalized(text), TextFolding.Fold(text));

    [Fact]
    public void A_long_text_folds_like_a_short_one() =>
        Assert.Equal(string.Join(' ', Enumerable.Repeat("acao", 2_000)), TextFolding.Fold(string.Join(", ", Enumerable.Repeat("AÇÃO", 2_000))));
}
