namespace Helpdesk.Cli;

/// <summary>
/// The options of one verb: <c>--name value</c> pairs (an option may repeat) and bare <c>--flag</c>s.
/// Lookups that fail throw <see cref="CliArgumentException"/> naming the option.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public static CliArguments Parse(ReadOnlySpan<string> args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new CliArgumentException($"unexpected argument '{token}'; options are written --name value.");
            }

            var name = token[2..];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                value = string.Empty;
            }

            if (!result._values.TryGetValue(name, out var list))
            {
                list = [];
                result._values[name] = list;
            }

            list.Add(value);
        }

        return result;
    }

    public IEnumerable<string> Names => _values.Keys;

    public bool Has(string name) => _values.ContainsKey(name);

    public string Required(string name)
    {
        var value = Optional(name);
        return string.IsNullOrEmpty(value) ? throw new CliArgumentException($"--{name} is required.") : value;
    }

    public string? Optional(string name)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            return null;
        }

        if (list.Count > 1)
        {
            throw new CliArgumentException($"--{name} may be given only once.");
        }

        return list[0].Length == 0 ? throw new CliArgumentException($"--{name} needs a value.") : list[0];
    }

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>Rejects options the verb does not know, so that a typo never passes silently.</summary>
    public void OnlyAllow(params string[] known)
    {
        foreach (var name in _values.Keys)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                throw new CliArgumentException($"unknown option --{name}.");
            }
        }
    }
}
