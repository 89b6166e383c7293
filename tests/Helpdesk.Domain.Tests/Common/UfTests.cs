using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Tests.Common;

public sealed class UfTests
{
    [Fact]
    public void There_are_27_distinct_two_letter_codes_and_each_parses_to_itself()
    {
        Assert.Equal(27, Uf.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Uf.All, code => Assert.Equal(code, Uf.Parse(code).Code));
    }

    [Theory]
    [InlineData("sp", "SP")]
    [InlineData(" df ", "DF")]
    [InlineData("Rs", "RS")]
    public void Lower_case_and_padded_input_is_normalised_to_upper_case(string text, string expected) =>
        Assert.Equal(expected, Uf.Parse(text).Code);

    [Theory]
    [InlineData("XX")]
    [InlineData("BR")]
    [InlineData("S")]
    [InlineData("SPP")]
    [InlineData("São Paulo")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_rejected_with_the_uf_error_code(string? text)
    {
        Assert.False(Uf.TryParse(text, out _));
        var error = Assert.Throws<DomainException>(() => Uf.Parse(text));
        Assert.Equal(Uf.ErrorCode, error.Code);
    }

    [Fact]
    public void A_blank_optional_uf_is_none_but_a_wrong_one_is_still_rejected()
    {
        Assert.Null(Uf.ParseOptional("  "));
        Assert.Equal("BA", Uf.ParseOptional("ba")?.Code);
        Assert.Throws<DomainException>(() => Uf.ParseOptional("ZZ"));
    }
}
