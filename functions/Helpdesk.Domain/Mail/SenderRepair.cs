using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Mail;

/// <summary>How sure a repaired sender address is.</summary>
public enum SenderCertainty
{
    /// <summary>No address could be read, even by guessing.</summary>
    None,

    /// <summary>The repair only undid damage that has one reading (a stray or missing angle bracket, a space beside
    /// <c>.</c> or <c>@</c>): the message may become a ticket for this address.</summary>
    Certain,

    /// <summary>The repair chose between readings (a space between two letters of the local part, an address picked out
    /// of a header with no brackets and more words): a supervisor decides, so the message is held.</summary>
    Guessed,
}

/// <summary>A sender address read from a broken header, and how sure the reading is.</summary>
public sealed record RepairedSender(string? Address, SenderCertainty Certainty)
{
    public static RepairedSender Nothing { get; } = new(null, SenderCertainty.None);
}

/// <summary>One place a sender may be named: the address a mail library read (if any) and the header as sent.</summary>
public readonly record struct SenderCandidate(string? Parsed, string? RawHeader);

/// <summary>
/// Reads the address out of a sender header as mail clients break it (issue 18): a missing closing <c>&gt;</c>, a stray
/// <c>&gt;</c>, spaces folded into the address. A repair that has one reading is certain; a repair that has to choose
/// is a guess, and the intake holds such a message for a supervisor instead of writing to someone it guessed.
/// A domain without a dot is not repaired at all (there is nothing to guess it from).
/// </summary>
public static class SenderRepair
{
    /// <summary>
    /// The sender of a message from its candidates in the order From, Sender, Reply-To, Return-Path: the first that
    /// gives an address, taken as a mail library parsed it or, failing that, repaired from the raw header. A repair that
    /// is a guess is returned apart, as the guess, with no address: the intake holds such a message. Used by every
    /// intake path (MIME and Graph), so that a message is read the same way whichever way it came.
    /// </summary>
    public static (string? Address, string? Guess) FirstUsable(IEnumerable<SenderCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        string? guess = null;
        foreach (var candidate in candidates)
        {
            if (EmailAddress.TryParse(candidate.Parsed, out var parsed, out _))
            {
                return (parsed.Value, null);
            }

            var repaired = Repair(candidate.RawHeader);
            if (repaired.Certainty == SenderCertainty.Certain)
            {
                return (repaired.Address, null);
            }

            guess ??= repaired.Address;
        }

        return (null, guess);
    }

    public static RepairedSender Repair(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return RepairedSender.Nothing;
        }

        var text = header.Trim();
        var certainty = SenderCertainty.Certain;
        string candidate;
        var open = text.LastIndexOf('<');
        if (open >= 0)
        {
            // "Name <addr>", "Name <addr" (the closing bracket lost), "Name <addr>>" (a stray one).
            var close = text.IndexOf('>', open + 1);
            candidate = close < 0 ? text[(open + 1)..] : text[(open + 1)..close];
        }
        else
        {
            candidate = text.Replace(">", string.Empty, StringComparison.Ordinal);
        }

        candidate = candidate.Trim().Trim('"', '\'', '<', '>', ',', ';').Trim();
        if (candidate.Count(c => c == '@') != 1)
        {
            return RepairedSender.Nothing;
        }

        // Spaces beside '.' and '@' come from folding and have one reading.
        candidate = CloseGapsAround(candidate, '@');
        candidate = CloseGapsAround(candidate, '.');
        if (candidate.Any(char.IsWhiteSpace))
        {
            certainty = SenderCertainty.Guessed;
            var words = candidate.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // "Maria Silva maria.silva@x" (brackets lost): the last word is likely the address; "<maria silva@x>": the
            // space likely sits inside the local part. Both are guesses.
            candidate = open < 0 && words[^1].IndexOf('@', StringComparison.Ordinal) > 0 ? words[^1] : string.Concat(words);
            candidate = candidate.Trim('"', '\'');
        }

        return EmailAddress.TryParse(candidate, out var address, out _)
            ? new RepairedSender(address.Value, certainty)
            : RepairedSender.Nothing;
    }

    private static string CloseGapsAround(string text, char mark)
    {
        var parts = text.Split(mark);
        return string.Join(mark, parts.Select((p, i) => i == 0 ? p.TrimEnd() : i == parts.Length - 1 ? p.TrimStart() : p.Trim()));
    }
}
