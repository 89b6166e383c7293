using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Helpdesk.Domain.Tickets;

/// <summary>
/// A ticket's public number: the four-digit year of registration followed by a seven-digit counter that
/// restarts every year (e.g. <c>20260000042</c>). Digits only, so it is URL-safe and easy to read over the phone.
/// </summary>
public readonly record struct ProtocolNumber : IComparable<ProtocolNumber>
{
    public const int CounterDigits = 7;
    public const int MaxCounter = 9_999_999;

    private ProtocolNumber(int year, int counter)
    {
        Year = year;
        Counter = counter;
    }

    public int Year { get; }

    public int Counter { get; }

    public static ProtocolNumber Create(int year, int counter)
    {
        if (year is < 2000 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The protocol year must have four digits.");
        }

        if (counter is < 1 or > MaxCounter)
        {
            throw new ArgumentOutOfRangeException(nameof(counter), counter, $"The protocol counter must be between 1 and {MaxCounter}.");
        }

        return new ProtocolNumber(year, counter);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ProtocolNumber protocol)
    {
        protocol = default;
        if (text is null || text.Length != 4 + CounterDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var counter = int.Parse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 2000 || counter < 1)
        {
            return false;
        }

        protocol = new ProtocolNumber(year, counter);
        return true;
    }

    public int CompareTo(ProtocolNumber other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Counter.CompareTo(other.Counter);

    public static bool operator <(ProtocolNumber left, ProtocolNumber right) => left.CompareTo(right) < 0;

    public static bool operator <=(ProtocolNumber left, ProtocolNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >(ProtocolNumber left, ProtocolNumber right) => left.CompareTo(right) > 0;

    public static bool operator >=(ProtocolNumber left, ProtocolNumber right) => left.CompareTo(right) >= 0;

    public override string ToString() =>
        Year.ToString("D4", CultureInfo.InvariantCulture) + Counter.ToString("D7", CultureInfo.InvariantCulture);
}
