using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Tests.Common;

public class TaxIdTests
{
    [Theory]
    [InlineData("529.982.247-25", TaxIdKind.Cpf, "52998224725", "529.982.247-25", "***.982.247-**")]
    [InlineData("52998224725", TaxIdKind.Cpf, "52998224725", "529.982.247-25", "***.982.247-**")]
    [InlineData("11.222.333/0001-81", TaxIdKind.Cnpj, "11222333000181", "11.222.333/0001-81", "**.222.333/0001-**")]
    [InlineData("12.ABC.345/01DE-35", TaxIdKind.Cnpj, "12ABC34501DE35", "12.ABC.345/01DE-35", "**.ABC.345/01DE-**")]
    public void Valid_numbers_parse_format_and_mask(string text, TaxIdKind kind, string value, string formatted, string masked)
    {
        var id = TaxId.Parse(text);

        Assert.Equal(kind, id.Kind);
        Assert.Equal(value, id.Value);
        Assert.Equal(formatted, id.Formatted);
        Assert.Equal(masked, id.Masked);
        Assert.Equal(masked, id.ToString());
    }

    [Theory]
    [InlineData("529.982.247-24")] // wrong second check digit
    [InlineData("529.982.247-15")] // wrong first check digit
    [InlineData("111.111.111-11")] // all equal digits pass mod 11 but are not issued
    [InlineData("11.222.333/0001-82")]
    [InlineData("00000000000000")]
    [InlineData("1234567890")]
    [InlineData("529.982.247-25x")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_numbers_are_refused_with_a_reason(string? text)
    {
        Assert.False(TaxId.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Equal("taxId.invalid", Assert.Throws<DomainException>(() => TaxId.Parse(text)).Code);
    }
}
