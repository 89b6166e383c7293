using System.Globalization;

namespace Helpdesk.Domain.Penalties;

/// <summary>A percentage between 0 and 100 (inclusive), e.g. a fine rate or a cap. Valid by construction.</summary>
public readonly record struct Percent : IComparable<Percent>
{
    private Percent(decimal value) => Value = value;

    public static Percent Zero { get; } = new(0m);

    public decimal Value { get; }

    public static Percent Of(decimal value) =>
        value is < 0m or > 100m
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "A percentage must be between 0 and 100.")
            : new Percent(value);

    public static bool TryCreate(decimal value, out Percent percent)
    {
        percent = value is < 0m or > 100m ? default : new Percent(value);
        return value is >= 0m and <= 100m;
    }

    /// <summary>Applies this rate to an amount: 2 % of R$ 1.000,00 is R$ 20,00 (not rounded).</summary>
    public Money Of(Money amount) => Money.Brl(amount.Amount * Value / 100m);

    public static Percent Min(Percent a, Percent b) => a.Value <= b.Value ? a : b;

    public int CompareTo(Percent other) => Value.CompareTo(other.Value);

    public static bool operator <(Percent left, Percent right) => left.Value < right.Value;

    public static bool operator >(Percent left, Percent right) => left.Value > right.Value;

    public static bool operator <=(Percent left, Percent right) => left.Value <= right.Value;

    public static bool operator >=(Percent left, Percent right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + " %";
}
