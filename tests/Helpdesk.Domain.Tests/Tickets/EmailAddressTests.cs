using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Tests.Tickets;

public class EmailAddressTests
{
    [Theory]
    [InlineData("Maria@IFSP.EDU.BR", "Maria@ifsp.edu.br")]
    [InlineData("  joao.souza@ufmg.br ", "joao.souza@ufmg.br")]
    public void Valid_addresses_are_normalised(string input, string expected)
    {
        Assert.True(EmailAddress.TryParse(input, out var address, out _));
        Assert.Equal(expected, address.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("maria")]
    [InlineData("maria@")]
    [InlineData("@ifsp.edu.br")]
    [InlineData("maria@localhost")]
    [InlineData("ma ria@ifsp.edu.br")]
    [InlineData("a@b@c.br")]
    [InlineData("maria@ifsp..br")]
    public void Invalid_addresses_are_rejected_with_a_reason(string input)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void The_masked_form_hides_the_local_part()
    {
        Assert.Equal("m***@ifsp.edu.br", EmailAddress.Parse("maria.silva@ifsp.edu.br").Masked());
    }
}
