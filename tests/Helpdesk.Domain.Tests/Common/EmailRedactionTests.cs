using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Tests.Common;

public class EmailRedactionTests
{
    [Theory]
    [InlineData("respondam em maria.walk@gmail.com, obrigado.", "respondam em m***@gmail.com, obrigado.")]
    [InlineData("<ana@IFRS.edu.br>", "<a***@ifrs.edu.br>")]
    [InlineData("a@b.br e c.d@e.gov.br", "a***@b.br e c***@e.gov.br")]
    public void Addresses_in_text_are_masked(string text, string expected)
    {
        Assert.Equal(expected, EmailRedaction.Mask(text));
    }

    [Theory]
    [InlineData("sem endereço aqui")]
    [InlineData("usuário @fulano no chat")]
    [InlineData("nome@localhost sem domínio")]
    public void Text_without_an_address_is_left_alone(string text)
    {
        Assert.Equal(text, EmailRedaction.Mask(text));
    }
}
