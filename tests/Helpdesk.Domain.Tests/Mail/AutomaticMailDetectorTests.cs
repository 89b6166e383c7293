using Helpdesk.Domain.Mail;

namespace Helpdesk.Domain.Tests.Mail;

public class AutomaticMailDetectorTests
{
    private static InboundEmail Email(string from = "maria@ifsp.edu.br", Dictionary<string, string>? headers = null, string? contentType = "text/plain", string? returnPath = null) => new()
    {
        MessageId = "x@y",
        FromAddress = from,
        LoopHeaders = headers ?? [],
        TopLevelContentType = contentType,
        ReturnPath = returnPath,
    };

    [Theory]
    [InlineData("auto-submitted", "auto-replied", "auto-submitted")]
    [InlineData("auto-submitted", "auto-generated", "auto-submitted")]
    [InlineData("precedence", "bulk", "precedence-bulk")]
    [InlineData("precedence", "junk", "precedence-junk")]
    [InlineData("precedence", "list", "precedence-list")]
    [InlineData("x-autoreply", "yes", "auto-reply")]
    [InlineData("list-id", "<a.b>", "mailing-list")]
    public void Headers_of_automatic_mail_are_recognised(string header, string value, string reason)
    {
        Assert.Equal(reason, AutomaticMailDetector.Classify(Email(headers: new() { [header] = value })));
    }

    [Fact]
    public void Auto_submitted_no_is_a_person()
    {
        Assert.Null(AutomaticMailDetector.Classify(Email(headers: new() { ["auto-submitted"] = "no" })));
    }

    [Theory]
    [InlineData("multipart/report; report-type=delivery-status")]
    [InlineData("message/delivery-status")]
    public void Delivery_reports_are_recognised(string contentType)
    {
        Assert.Equal("delivery-report", AutomaticMailDetector.Classify(Email(contentType: contentType)));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.gov.br")]
    [InlineData("postmaster@ufmg.br")]
    [InlineData("no-reply@sistema.gov.br")]
    public void Robot_senders_are_recognised(string from)
    {
        Assert.Equal("automatic-sender", AutomaticMailDetector.Classify(Email(from: from)));
    }

    [Fact]
    public void An_empty_return_path_is_a_bounce()
    {
        Assert.Equal("bounce", AutomaticMailDetector.Classify(Email(returnPath: "<>")));
    }

    [Fact]
    public void An_ordinary_message_is_from_a_person()
    {
        Assert.Null(AutomaticMailDetector.Classify(Email(returnPath: "<maria@ifsp.edu.br>")));
    }

    [Theory]
    [InlineData("Re: [Protocolo 20260000042] erro", "20260000042")]
    [InlineData("RES: [protocolo nº 20260000042]", "20260000042")]
    [InlineData("Fwd: [Chamado #20260000042] teste", "20260000042")]
    [InlineData("Protocolo 20260000042 sem colchetes", null)]
    [InlineData("[Protocolo 2026000004] curto", null)]
    public void A_protocol_tag_in_the_subject_is_found(string subject, string? expected)
    {
        Assert.Equal(expected, ProtocolInSubject.Find(subject)?.ToString());
    }
}
