using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Tests.Audit;

public sealed class AuditDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-3));

    private static AuditRecord Record(string protocol, int day, string description, string? cpf = null, string email = "ana@ifrs.edu.br", string? category = "reclamacao", bool reopening = false) =>
        new(protocol, category, Start.AddDays(day), null, null, "Ana", cpf is null ? null : TaxId.Parse(cpf), email, description, null, Channel.Email, reopening);

    [Fact]
    public void A_repeated_complaint_of_the_same_cpf_with_a_reopening_word_is_listed_accent_insensitively()
    {
        var records = new[]
        {
            Record("20260000001", 0, "Sem acesso ao sistema", cpf: "123.456.789-09", email: "ana@ifrs.edu.br"),
            Record("20260000002", 3, "Problema NAO SOLUCIONADO, sem acesso", cpf: "12345678909", email: "outro@ifrs.edu.br"),
            Record("20260000003", 4, "Outro assunto novamente", cpf: "529.982.247-25"),
        };

        var findings = ReopenDetector.Detect(records, TimeSpan.FromDays(30), AuditKeywords.Default);

        var finding = Assert.Single(findings);
        Assert.Equal("20260000002", finding.Protocol);
        Assert.Equal("20260000001", finding.PreviousProtocol);
        Assert.Equal("cpf:12345678909", finding.Requester);
        Assert.Contains("nao solucionado", finding.Keywords);
    }

    [Fact]
    public void Flagged_reopenings_complaints_outside_the_window_and_texts_without_keywords_are_not_listed()
    {
        var records = new[]
        {
            Record("20260000001", 0, "Sem acesso"),
            Record("20260000002", 1, "Reaberta: sem acesso", reopening: true),
            Record("20260000003", 2, "Dúvida sobre relatório"),
            Record("20260000004", 90, "Repetida: sem acesso"),
        };

        Assert.Empty(ReopenDetector.Detect(records, TimeSpan.FromDays(30), AuditKeywords.Default));
        var withoutKeywords = ReopenDetector.Detect(records, TimeSpan.FromDays(30), AuditKeywords.Default, requireKeyword: false);
        Assert.Equal(["20260000003"], withoutKeywords.Select(f => f.Protocol));
    }

    [Fact]
    public void Requesters_without_cpf_are_grouped_by_email_case_insensitively()
    {
        var records = new[]
        {
            Record("20260000010", 0, "Impressora parada", email: "Joao@ufmg.br"),
            Record("20260000011", 5, "Impressora parada de novo", email: "joao@ufmg.br"),
        };

        var finding = Assert.Single(ReopenDetector.Detect(records, TimeSpan.FromDays(30), AuditKeywords.Default));
        Assert.Equal("email:joao@ufmg.br", finding.Requester);
        Assert.Equal(["de novo"], finding.Keywords);
    }

    [Fact]
    public void Complaint_words_outside_the_complaint_categories_are_misclassification_candidates()
    {
        var lists = AuditKeywords.Default with { Complaint = ["cobrança indevida", "descaso"] };
        var records = new[]
        {
            Record("20260000001", 0, "Houve COBRANCA INDEVIDA na fatura", category: "financeiro"),
            Record("20260000002", 0, "Descaso total", category: "Reclamação"),
            Record("20260000003", 0, "Pedido de senha", category: "acesso"),
            Record("20260000004", 0, "Que descaso!", category: null),
        };

        var findings = MisclassificationDetector.Detect(records, lists).ToList();

        Assert.Equal(["20260000001", "20260000004"], findings.Select(f => f.Protocol));
        Assert.Equal(["cobranca indevida"], findings[0].Keywords);
    }

    [Fact]
    public void Keywords_match_whole_words_only()
    {
        Assert.Empty(AuditKeywords.Find("continuação do pedido", ["continua"]));
        Assert.Equal(["continua"], AuditKeywords.Find("O erro continua.", ["Continua"]));
    }

    [Fact]
    public void Continuity_lists_the_numbers_that_are_neither_ticket_nor_void_as_runs()
    {
        var report = ProtocolContinuity.Check(2026, 1, 10, [1, 2, 5, 9], [3]);

        Assert.False(report.IsContinuous);
        Assert.Equal(4, report.Tickets);
        Assert.Equal(1, report.Voids);
        Assert.Equal(
            [new ProtocolGap("20260000004", "20260000004", 1), new ProtocolGap("20260000006", "20260000008", 3), new ProtocolGap("20260000010", "20260000010", 1)],
            report.Gaps);
    }

    [Fact]
    public void A_sequence_of_tickets_and_voids_is_continuous_and_a_number_both_ticket_and_void_counts_once()
    {
        var report = ProtocolContinuity.Check(2026, 2, 4, [1, 2, 4, 7], [3, 4]);

        Assert.True(report.IsContinuous);
        Assert.Equal((2, 1), (report.Tickets, report.Voids));
    }
}
