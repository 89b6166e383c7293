using System.Text.Json;

namespace Helpdesk.Domain.Contracts;

/// <summary>
/// Turns contract JSON text into a <see cref="ContractDefinition"/>, or into every error found, each naming its field
/// (e.g. <c>calendar.businessHours.monday[1].end: ...</c>). No file I/O: the caller passes the text.
/// Unknown root sections are recorded in <see cref="ContractDefinition.UnknownSections"/>; unknown fields inside a
/// known section are errors (a typo must not silently fall back to a default).
/// </summary>
public static class ContractDefinitionLoader
{
    /// <summary>The root sections this version reads.</summary>
    public static IReadOnlyList<string> KnownSections { get; } = ["schemaVersion", "id", "name", "calendar", "clockSettings", "serviceCatalogue", "externalTeams"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="json">The contract definition text.</param>
    /// <param name="resolveZone">Resolves an IANA zone id, or returns null; default: the system's tz database.</param>
    public static ContractLoadResult Load(string json, Func<string, TimeZoneInfo?>? resolveZone = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        resolveZone ??= SystemZone;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            return ContractLoadResult.Failure([new ContractError("$", $"not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var errors = new List<ContractError>();
            var fields = new JsonFields(errors);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ContractLoadResult.Failure([new ContractError("$", $"the contract must be a JSON object, not {JsonFields.Describe(root)}.")]);
            }

            var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !KnownSections.Contains(n)).ToArray();
            var version = fields.Number(root, "schemaVersion", string.Empty);
            if (version is null && !root.TryGetProperty("schemaVersion", out _))
            {
                fields.Error("schemaVersion", $"is required (this version reads {ContractDefinition.CurrentSchemaVersion}).");
            }
            else if (version is { } v && v != ContractDefinition.CurrentSchemaVersion)
            {
                fields.Error("schemaVersion", $"{v} is not supported; this version reads schema {ContractDefinition.CurrentSchemaVersion}.");
            }

            var id = fields.String(root, "id", string.Empty, required: true);
            var name = fields.String(root, "name", string.Empty, required: true);
            var (calendar, zone) = CalendarSectionReader.Read(Section(root, "calendar"), fields, resolveZone);
            var settings = ClockSettingsSectionReader.Read(Section(root, "clockSettings"), fields);
            var catalogue = ServiceCatalogueSectionReader.Read(Section(root, "serviceCatalogue"), fields);
            var externalTeams = ExternalTeamsSectionReader.Read(Section(root, "externalTeams"), fields);

            if (errors.Count > 0 || id is null || name is null || calendar is null || zone is null || settings is null || catalogue is null || externalTeams is null)
            {
                return ContractLoadResult.Failure(errors.Count > 0 ? errors : [new ContractError("$", "the contract is incomplete.")]);
            }

            return ContractLoadResult.Success(new ContractDefinition
            {
                SchemaVersion = ContractDefinition.CurrentSchemaVersion,
                Id = id,
                Name = name,
                Calendar = calendar,
                TimeZone = zone,
                ClockSettings = settings,
                ServiceCatalogue = catalogue,
                ExternalTeams = externalTeams,
                UnknownSections = unknown,
            });
        }
    }

    /// <summary>Resolves a zone id from the system's tz database (tzdata on Linux), or null.</summary>
    public static TimeZoneInfo? SystemZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static JsonElement? Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
