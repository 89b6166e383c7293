using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Tests.Tickets;

public class TaxIdRedactionTests
{
    [Theory]
    [InlineData("Meu CPF é 123.456.789-09, obrigado.", "Meu CPF é ***.456.789-**, obrigado.")]
    [InlineData("cpf 12345678909", "cpf ***.456.789-**")]
    [InlineData("CNPJ 11.222.333/0001-81 da empresa", "CNPJ **.222.333/0001-** da empresa")]
    [InlineData("cnpj:11222333000181.", "cnpj:**.222.333/0001-**.")]
    public void Valid_tax_ids_in_text_are_masked(string text, string expected)
    {
        Assert.Equal(expected, TaxIdRedaction.Mask(text));
    }

    [Theory]
    [InlineData("Protocolo 20260000042 registrado")]
    [InlineData("CPF inválido 123.456.789-00")]
    [InlineData("Telefone (61) 99999-8888 e data 24/11/2026")]
    [InlineData("número 123456789091234 longo")]
    public void Other_numbers_are_left_alone(string text)
    {
        Assert.Equal(text, TaxIdRedaction.Mask(text));
    }
}
