using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Sla;

namespace Helpdesk.Cli.Verbs;

/// <summary>Options shared by the calendar verbs: instants, pauses and the contract (read here, at the edge, parsed by the domain).</summary>
internal static partial class ClockArguments
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    /// <summary>An ISO 8601 instant with an explicit offset (Z or ±hh:mm); a local time without offset is ambiguous and rejected.</summary>
    public static DateTimeOffset Instant(string text, string option)
    {
        if (!OffsetSuffix().IsMatch(text) ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new CliArgumentException($"--{option}: '{text}' is not an ISO 8601 instant with offset, e.g. 2026-03-10T09:30:00-03:00.");
        }

        return instant;
    }

    /// <summary>Each <c>--pause &lt;from&gt;/&lt;to&gt;</c>: a closed period pending on the requester.</summary>
    public static PauseInterval[] Pauses(CliArguments args)
    {
        var pauses = new List<PauseInterval>();
        foreach (var text in args.All("pause"))
        {
            var parts = text.Split('/');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new CliArgumentException($"--pause: '{text}' must be <from>/<to>, two ISO 8601 instants with offset.");
            }

            var from = Instant(parts[0], "pause");
            var to = Instant(parts[1], "pause");
            if (to < from)
            {
                throw new CliArgumentException($"--pause: '{text}' ends before it starts.");
            }

            pauses.Add(PauseInterval.Closed(from, to));
        }

        return [.. pauses];
    }

    /// <summary>The contract of <c>--contract &lt;file&gt;</c>, or the built-in one.</summary>
    public static async Task<ContractDefinition> ContractAsync(CliArguments args)
    {
        var path = args.Optional("contract");
        if (path is null)
        {
            return DefaultContract.Definition;
        }

        string json;
        try
        {
            json = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliArgumentException($"--contract: cannot read '{path}': {ex.Message}");
        }

        var result = ContractDefinitionLoader.Load(json);
        return result.IsSuccess
            ? result.Definition
            : throw new CliArgumentException($"--contract: '{path}' is not a valid contract:{Environment.NewLine}  " +
                                             string.Join(Environment.NewLine + "  ", result.Errors));
    }

    /// <summary>Years compiled past the latest instant given: room for any realistic target, at a third of the default range's cost.</summary>
    public const int YearsAhead = 30;

    /// <summary>Compiles the contract's calendar for the years around the instants given (one year before, <see cref="YearsAhead"/> after).</summary>
    public static BusinessCalendar Calendar(ContractDefinition contract, params DateTimeOffset[] instants)
    {
        var first = Math.Max(BrazilianHolidays.FirstSupportedYear, instants.Min().Year - 1);
        var last = Math.Min(9998, Math.Max(first, instants.Max().Year + YearsAhead));
        return contract.BuildCalendar(first, last);
    }

    /// <summary>Runs a computation, turning an instant outside the calendar's years into an argument error.</summary>
    public static T WithinRange<T>(Func<T> compute, string option)
    {
        try
        {
            return compute();
        }
        catch (OutsideCalendarRangeException ex)
        {
            throw new CliArgumentException($"--{option}: {ex.Message}");
        }
    }

    public static string Format(DateTimeOffset instant) => instant.ToString(InstantFormat, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();
}
