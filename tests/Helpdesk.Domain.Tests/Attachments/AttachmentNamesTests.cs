using Helpdesk.Domain.Attachments;

namespace Helpdesk.Domain.Tests.Attachments;

/// <summary>Names as senders' clients write them (already decoded), made safe: a name, never a path.</summary>
public sealed class AttachmentNamesTests
{
    [Theory]
    [InlineData("relatório técnico.pdf", "application/pdf", "relatório técnico.pdf")]
    [InlineData("..\\..\\windows\\win.ini", "text/plain", "win.ini")]
    [InlineData("../../etc/passwd", "text/plain", "passwd")]
    [InlineData("C:\\Users\\maria\\Desktop\\print.png", "image/png", "print.png")]
    [InlineData("a<b>c:d\"e|f?g*h.txt", "text/plain", "a_b_c_d_e_f_g_h.txt")]
    [InlineData("nome\u0000com\u0007controle.pdf", "application/pdf", "nome_com_controle.pdf")]
    [InlineData("fatura\u202Efdp.exe", "application/octet-stream", "fatura_fdp.exe")] // right-to-left override: no disguised extension
    [InlineData(" .oculto. ", "text/plain", "oculto")]
    [InlineData("", "image/png", "anexo-3.png")]
    [InlineData(null, "application/pdf", "anexo-3.pdf")]
    [InlineData("../", "application/x-unknown", "anexo-3.bin")]
    [InlineData("...", "text/html", "anexo-3.html")]
    public void A_name_becomes_safe(string? raw, string contentType, string expected) =>
        Assert.Equal(expected, AttachmentNames.Safe(raw, contentType, 3));

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension()
    {
        var safe = AttachmentNames.Safe(new string('x', 400) + ".pdf", "application/pdf", 1);

        Assert.Equal(AttachmentNames.MaxLength, safe.Length);
        Assert.EndsWith("x.pdf", safe, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setup.EXE", ".exe")]
    [InlineData("arquivo", "")]
    [InlineData(".bashrc", "")]
    [InlineData("a.tar.gz", ".gz")]
    public void The_extension_is_the_last_one_in_lower_case(string name, string extension) =>
        Assert.Equal(extension, AttachmentNames.Extension(name));
}
