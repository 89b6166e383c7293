namespace Helpdesk.Application.Reports;

/// <summary>
/// Which finance document: a contract, a month and a file name. Its path is <c>finance/{contract}/{yyyy-MM}/{file}</c>;
/// later versions of the same document sit beside it as <c>{stem}.v{n}{extension}</c> (version 1 keeps the plain name).
/// </summary>
public sealed record ReportKey
{
    public const string Root = "finance";

    public ReportKey(string contract, ReportMonth month, string fileName)
    {
        Contract = Segment(contract, nameof(contract));
        Month = month;
        FileName = Segment(fileName, nameof(fileName));
        if (FileName.StartsWith('.'))
        {
            throw new ArgumentException("A report file name cannot start with a dot.", nameof(fileName));
        }
    }

    public string Contract { get; }

    public ReportMonth Month { get; }

    public string FileName { get; }

    /// <summary>The folder of the month: <c>finance/{contract}/{yyyy-MM}/</c>.</summary>
    public string Folder => $"{Root}/{Contract}/{Month}/";

    /// <summary>The path of one version (1 is the plain file name).</summary>
    public string PathOf(int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return Folder + VersionedName(version);
    }

    public string VersionedName(int version)
    {
        if (version == 1)
        {
            return FileName;
        }

        var dot = FileName.LastIndexOf('.');
        return dot <= 0
            ? $"{FileName}.v{version}"
            : $"{FileName[..dot]}.v{version}{FileName[dot..]}";
    }

    /// <summary>The version a file name of this document's folder stands for, if it is one of its versions.</summary>
    public int? VersionOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, FileName, StringComparison.Ordinal))
        {
            return 1;
        }

        var dot = FileName.LastIndexOf('.');
        var (stem, extension) = dot <= 0 ? (FileName, string.Empty) : (FileName[..dot], FileName[dot..]);
        var prefix = stem + ".v";
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(extension, StringComparison.Ordinal) || name.Length <= prefix.Length + extension.Length)
        {
            return null;
        }

        var digits = name.AsSpan(prefix.Length, name.Length - prefix.Length - extension.Length);
        return digits.Length <= 6 && digits[0] != '0' && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 2
            ? v
            : null;
    }

    private static string Segment(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > 100 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"'{value}' must be 1 to 100 characters among letters, digits, '-', '_' and '.'.", name);
        }

        return value;
    }
}
