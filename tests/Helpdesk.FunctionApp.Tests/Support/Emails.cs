namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Raw RFC 822 messages for tests.</summary>
public static class Emails
{
    public static string Plain(string messageId, string from = "Maria da Silva <maria.silva@ifsp.edu.br>", string subject = "Não consigo acessar o sistema", string body = "Bom dia, o sistema mostra erro 500.", string? extraHeaders = null) =>
        $"From: {from}\r\n" +
        "To: Suporte <suporte@helpdesk.local>\r\n" +
        $"Subject: {subject}\r\n" +
        "Date: Tue, 24 Nov 2026 09:12:00 -0300\r\n" +
        $"Message-ID: <{messageId}>\r\n" +
        (extraHeaders ?? string.Empty) +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "Content-Transfer-Encoding: 8bit\r\n" +
        "\r\n" +
        body + "\r\n";

    public static string Bounce(string messageId) =>
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.gov.br>\r\n" +
        "To: suporte@helpdesk.local\r\n" +
        "Subject: Undelivered Mail Returned to Sender\r\n" +
        $"Message-ID: <{messageId}>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n" +
        "\r\n" +
        "--b1\r\nContent-Type: text/plain\r\n\r\nThis is the mail system. Delivery failed.\r\n" +
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.gov.br\r\n\r\nFinal-Recipient: rfc822; x@y.gov.br\r\nAction: failed\r\nStatus: 5.1.1\r\n" +
        "--b1--\r\n";

    /// <summary>A delivery status report (RFC 3464) that quotes the headers of the undelivered message <paramref name="originalMessageId"/>.</summary>
    public static string BounceOf(string messageId, string originalMessageId, string status = "5.1.1") =>
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.gov.br>\r\n" +
        "To: suporte@helpdesk.local\r\n" +
        "Subject: Undelivered Mail Returned to Sender\r\n" +
        $"Message-ID: <{messageId}>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n" +
        "\r\n" +
        "--b1\r\nContent-Type: text/plain\r\n\r\nThis is the mail system. Delivery failed.\r\n" +
        "--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.gov.br\r\n\r\n" +
        $"Final-Recipient: rfc822; maria.silva@ifsp.edu.br\r\nAction: failed\r\nStatus: {status}\r\n\r\n" +
        "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n" +
        "From: Suporte <suporte@helpdesk.local>\r\nTo: maria.silva@ifsp.edu.br\r\nSubject: [Protocolo] Recebemos\r\n" +
        $"Message-ID: <{originalMessageId}>\r\n\r\n" +
        "--b1--\r\n";
}
