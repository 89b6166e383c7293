using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Tests.Tickets;

public class ProtocolNumberTests
{
    [Fact]
    public void Formats_year_and_zero_padded_counter()
    {
        Assert.Equal("20260000042", ProtocolNumber.Create(2026, 42).ToString());
    }

    [Theory]
    [InlineData("20260000042", true)]
    [InlineData("2026000004", false)]
    [InlineData("2026-000042", false)]
    [InlineData("20260000000", false)]
    [InlineData("19990000001", false)]
    [InlineData("", false)]
    public void Parses_only_well_formed_numbers(string text, bool valid)
    {
        Assert.Equal(valid, ProtocolNumber.TryParse(text, out _));
    }

    [Fact]
    public void Round_trips_through_text_and_orders_by_year_then_counter()
    {
        var a = ProtocolNumber.Create(2025, 9_999_999);
        var b = ProtocolNumber.Create(2026, 1);
        Assert.True(ProtocolNumber.TryParse(a.ToString(), out var parsed));
        Assert.Equal(a, parsed);
        Assert.True(a.CompareTo(b) < 0);
    }
}
