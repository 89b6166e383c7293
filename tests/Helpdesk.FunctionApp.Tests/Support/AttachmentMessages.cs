using System.Text;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Real multipart messages with files (issue 20), written by hand so that every header is what a mail client
/// sends: an HTML body with an inline image (<c>cid:</c>), a PDF whose name is RFC 2231-encoded, a PNG, a PDF whose
/// name is RFC 2047-encoded, an HTML file and an executable.</summary>
public static class AttachmentMessages
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>Another image (the inline one), different bytes: a valid 2×2 PNG, so that a browser decodes it.</summary>
    public static readonly byte[] InlinePng = TwoByTwoPng();

    public const int InlinePngWidth = 2;

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    public static readonly byte[] SecondPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% ofício\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    public static readonly byte[] Html = Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script><p>página</p></body></html>");

    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    public const string PdfName = "relatório técnico.pdf";

    public const string SecondPdfName = "ofício nº 12.pdf";

    public static string WithFiles(string messageId, string from = "maria.silva@ifsp.edu.br", string subject = "Erro ao emitir o diploma")
    {
        var b64 = (byte[] bytes) => Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);
        var encodedSecond = "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(SecondPdfName)) + "?=";
        return
            $"From: Maria Silva <{from}>\r\n" +
            "To: Suporte <suporte@helpdesk.local>\r\n" +
            $"Subject: {subject}\r\n" +
            "Date: Tue, 24 Nov 2026 09:12:00 -0300\r\n" +
            $"Message-ID: <{messageId}>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=\"mixed\"\r\n\r\n" +
            "--mixed\r\n" +
            "Content-Type: multipart/related; boundary=\"related\"\r\n\r\n" +
            "--related\r\n" +
            "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n" +
            "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBom dia, segue o print do erro.\r\n" +
            "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Bom dia, segue o print do erro:</p><p><img src=\"cid:print-erro@ifsp\" alt=\"print\"></p>\r\n" +
            "--alt--\r\n" +
            "--related\r\n" +
            "Content-Type: image/png\r\nContent-ID: <print-erro@ifsp>\r\nContent-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(InlinePng) + "\r\n" +
            "--related--\r\n" +
            "--mixed\r\n" +
            "Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=utf-8''relat%C3%B3rio%20t%C3%A9cnico.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(Pdf) + "\r\n" +
            "--mixed\r\n" +
            "Content-Type: image/png; name=\"tela.png\"\r\nContent-Disposition: attachment; filename=\"tela.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(Png) + "\r\n" +
            "--mixed\r\n" +
            $"Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"{encodedSecond}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(SecondPdf) + "\r\n" +
            "--mixed\r\n" +
            "Content-Type: text/html; charset=utf-8\r\nContent-Disposition: attachment; filename=\"pagina.html\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(Html) + "\r\n" +
            "--mixed\r\n" +
            "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"setup.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(Exe) + "\r\n" +
            "--mixed\r\n" +
            "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"..\\\\..\\\\windows\\\\win.ini\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(Png) + "\r\n" +
            "--mixed--\r\n";
    }

    /// <summary>A 2×2 RGBA PNG, built with its real CRCs and zlib stream.</summary>
    private static byte[] TwoByTwoPng()
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var typeBytes = Encoding.ASCII.GetBytes(type);
            var crc = Crc32([.. typeBytes, .. data]);
            return [.. BigEndian((uint)data.Length), .. typeBytes, .. data, .. BigEndian(crc)];
        }

        static uint Crc32(byte[] bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            return ~crc;
        }

        static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

        byte[] raw = [0, 255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 255, 255, 255, 255, 255]; // two rows: filter byte + 2 RGBA pixels
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        byte[] header = [.. BigEndian(2), .. BigEndian(2), 8, 6, 0, 0, 0];
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }
}
