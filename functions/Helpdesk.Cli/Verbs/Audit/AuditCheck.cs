using Helpdesk.Application.Finance.Formats;
using System.Text.Json;
using Helpdesk.Application.Audit;
using Helpdesk.Application.Finance;
using Helpdesk.Application;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Cli.Verbs.Audit;

/// <summary>
/// One check of <c>helpdesk audit</c>: reads the raw-history export (<c>--histories</c>, the JSONL of
/// <c>/api/audit/histories</c>) and runs the same <see cref="AuditService"/> the API runs, over an
/// <see cref="ExportedAuditSource"/>, so that the same records give the same report. A malformed file stops the
/// check with a message naming the file, line and field (exit 1).
/// </summary>
public abstract class AuditCheck : IVerb
{
    /// <summary>Whoever holds the raw histories has every field in full: the reports show what an auditor sees.</summary>
    protected static readonly AgentIdentity Viewer = new("helpdesk-cli", null, new HashSet<string>(StringComparer.Ordinal) { Roles.Auditor });

    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract string Usage { get; }

    /// <summary>The options this check takes besides <c>--histories</c> and <c>--out</c>.</summary>
    protected abstract string[] Options { get; }

    public async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        args.OnlyAllow([.. Options, "histories", "out", "catalogue"]);
        var path = args.Required("histories");
        try
        {
            return await RunAsync(args, path, stdout).ConfigureAwait(false);
        }
        catch (InputFormatException ex)
        {
            await stderr.WriteLineAsync($"helpdesk audit {Name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync($"helpdesk audit {Name}: file not found: {(ex as FileNotFoundException)?.FileName ?? ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    protected abstract Task<int> RunAsync(CliArguments args, string historiesPath, TextWriter stdout);

    /// <summary>The service over the export; each pass re-reads the file, one ticket at a time. The catalogue (the
    /// server's as <c>GET /api/catalogue</c> gives it, <c>--catalogue</c>; the built-in default otherwise) gives each
    /// category's kind, as it does on the server.</summary>
    protected static AuditService Service(CliArguments args, string historiesPath, ProtocolLedgerExport? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var catalogue = args.Optional("catalogue") is { } cataloguePath ? ReadCatalogue(cataloguePath) : SupportCatalogue.Default;
        // Opened now, so that a missing file is reported before any output is written.
        using (File.OpenRead(historiesPath))
        {
        }

        return new AuditService(new ExportedAuditSource(() => AuditHistoryJsonl.ReadFile(historiesPath), ledger), new FixedCatalogue(catalogue));
    }

    /// <summary>A catalogue file: the JSON of <c>GET /api/catalogue</c> (its <c>categories</c>, <c>priorities</c> and
    /// <c>groups</c>; other properties are ignored), validated as the server validates a catalogue.</summary>
    private static SupportCatalogue ReadCatalogue(string path)
    {
        CatalogueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFile>(File.ReadAllText(path), JsonDefaults.Options);
        }
        catch (JsonException ex)
        {
            throw new CliArgumentException($"--catalogue: {path} is not a catalogue ({ex.Path}: {ex.Message})");
        }

        if (file is not { Categories: { } categories, Priorities: { } priorities, Groups: { } groups })
        {
            throw new CliArgumentException($"--catalogue: {path} must have categories, priorities and groups (the JSON of GET /api/catalogue).");
        }

        try
        {
            return new SupportCatalogue(categories, priorities, groups);
        }
        catch (CatalogueException ex)
        {
            throw new CliArgumentException($"--catalogue: {string.Join("; ", ex.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
        }
    }

    private sealed record CatalogueFile(IReadOnlyList<CatalogueCategory>? Categories, IReadOnlyList<CataloguePriority>? Priorities, IReadOnlyList<SupportGroup>? Groups);

    /// <summary>The catalogue of the file (or the default), read-only.</summary>
    private sealed class FixedCatalogue(SupportCatalogue fixedCatalogue) : ICatalogueStore
    {
        public Task<StoredCatalogue> GetAsync(CancellationToken cancellationToken) => Task.FromResult(new StoredCatalogue(fixedCatalogue, 0));

        public Task<StoredCatalogue> SaveAsync(SupportCatalogue catalogue, int expectedVersion, string changedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The offline audit reads the catalogue; it never changes it.");
    }

    /// <summary>An export holds its own range: every check asks for all of it.</summary>
    protected static (DateTimeOffset From, DateTimeOffset To) All => (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>Writes the report as the API answers it (same type, same JSON options) to <c>--out</c>, or to standard
    /// output; with <c>--out</c>, <paramref name="summary"/> goes to standard output.</summary>
    protected static async Task WriteReportAsync<T>(CliArguments args, T report, string summary, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        var json = JsonSerializer.Serialize(report, AuditReportJson.Options);
        if (args.Optional("out") is { } outPath)
        {
            await File.WriteAllTextAsync(outPath, json).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{summary} → {outPath}").ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteLineAsync(json).ConfigureAwait(false);
        }
    }

    /// <summary>A bare flag (<c>--complaints-only</c>): present or not, never with a value.</summary>
    protected static bool Flag(CliArguments args, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Has(name))
        {
            return false;
        }

        return args.All(name).All(v => v.Length == 0) ? true : throw new CliArgumentException($"--{name} is a flag and takes no value.");
    }

    /// <summary>A comma-separated word list, with the API's limits.</summary>
    protected static IReadOnlyList<string>? Words(CliArguments args, string name)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Optional(name) is not { } text
            ? null
            : Domain.Audit.AuditKeywords.ParseList(text)
                ?? throw new CliArgumentException($"--{name}: give 1 to {Domain.Audit.AuditKeywords.MaxListWords} words separated by commas, each up to {Domain.Audit.AuditKeywords.MaxWordLength} characters.");
    }
}
