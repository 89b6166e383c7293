using System.Globalization;

namespace Helpdesk.Domain.Penalties;

/// <summary>A non-negative amount in Brazilian reais (BRL). Kept unrounded; <see cref="Rounded"/> gives cents.</summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal amount) => Amount = amount;

    public static Money Zero { get; } = new(0m);

    public decimal Amount { get; }

    /// <summary>The amount rounded to cents, half away from zero (how an invoice is written).</summary>
    public decimal Rounded => Math.Round(Amount, 2, MidpointRounding.AwayFromZero);

    public static Money Brl(decimal amount) =>
        amount < 0m ? throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount in BRL cannot be negative.") : new Money(amount);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money Add(Money left, Money right) => left + right;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public override string ToString() => "R$ " + Rounded.ToString("N2", CultureInfo.GetCultureInfo("pt-BR"));
}
