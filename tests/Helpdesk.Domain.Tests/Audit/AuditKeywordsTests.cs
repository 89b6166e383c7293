using Helpdesk.Domain.Audit;

namespace Helpdesk.Domain.Tests.Audit;

/// <summary>A complaint is recognised by its category or, where the category does not say so, by its text.</summary>
public sealed class AuditKeywordsTests
{
    [Theory]
    [InlineData("reclamacao", "Pedido de senha", true)]            // the category says so, whatever the text
    [InlineData("Reclamações", "Pedido de senha", true)]           // categories fold too: accents and case
    [InlineData("acesso", "Pedido de senha", false)]               // neither
    [InlineData(null, "Pedido de senha", false)]
    [InlineData("acesso", "Fiz uma RECLAMAÇÃO ontem", true)]       // the text says so: accent- and case-insensitive
    [InlineData(null, "reclamacao sem acento", true)]             // unclassified yet, written as a complaint
    [InlineData("acesso", "Que descaso!", true)]                   // punctuation beside the word
    [InlineData("acesso", "Cobrança   indevida na fatura", true)]  // a phrase across runs of spaces
    [InlineData("acesso", "Reclamações anteriores", false)]        // whole words only: "reclamacoes" is not "reclamacao"
    [InlineData("acesso", "descasos", false)]
    [InlineData("acesso", "", false)]
    public void A_complaint_is_its_category_or_its_words(string? category, string text, bool expected) =>
        Assert.Equal(expected, AuditKeywords.Default.IsComplaint(category, text));

    [Fact]
    public void The_complaint_words_are_data_a_replaced_list_decides()
    {
        var lists = AuditKeywords.Default with { Complaint = ["Demora excessiva"] };

        Assert.True(lists.IsComplaint("acesso", "Uma DEMORA excessiva no atendimento"));
        Assert.False(lists.IsComplaint("acesso", "Que descaso!"));
    }

    [Theory]
    [InlineData("reaberta", 1)]
    [InlineData(" reaberta , de novo ,, ", 2)]
    [InlineData(", ,", -1)]
    [InlineData("", -1)]
    public void Word_lists_are_trimmed_and_an_empty_list_is_refused(string text, int count) =>
        Assert.Equal(count, AuditKeywords.ParseList(text)?.Count ?? -1);

    [Fact]
    public void Word_lists_stop_at_their_limits()
    {
        var longest = new string('a', AuditKeywords.MaxWordLength);
        var most = string.Join(',', Enumerable.Range(0, AuditKeywords.MaxListWords).Select(i => "w" + i));

        Assert.NotNull(AuditKeywords.ParseList(longest));
        Assert.Null(AuditKeywords.ParseList(longest + "a"));
        Assert.Equal(AuditKeywords.MaxListWords, AuditKeywords.ParseList(most)?.Count);
        Assert.Null(AuditKeywords.ParseList(most + ",one-more"));
    }
}
