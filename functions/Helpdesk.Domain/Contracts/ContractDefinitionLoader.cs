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
    public static IReadOnlyList<string> KnownSections { get; } = ["schemaVersion", "id", "name", "calendar", "clockSettings", "serviceCatalogue", "externalTeams", "retention"];

    /// <summary>The root sections of the assessment (docs/assessment-contract.md): any of them makes the load parse them into <see cref="ContractDefinition.Assessment"/>.</summary>
    public static IReadOnlyList<string> AssessmentSections { get; } =
        ["version", "description", "contractStart", "timeZone", "invoice", "stabilization", "atypicalDays", "options", "aggravations", "rescission", "justification", "anomalies", "indicators"];

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

            var unknown = root.EnumerateObject().Select(p => p.Name).Where(n => !KnownSections.Contains(n) && !AssessmentSections.Contains(n)).ToArray();
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
            var retention = RetentionSectionReader.Read(Section(root, "retention"), fields);
            var assessment = ReadAssessment(root, errors);

            if (errors.Count > 0 || id is null || name is null || calendar is null || zone is null || settings is null || catalogue is null || externalTeams is null || retention is null)
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
                Retention = retention,
                // One list of atypical days: the calendar's own entries (with their hours), not a second reading of them.
                Assessment = assessment is not null && calendar.AtypicalDays.Count > 0 ? assessment with { AtypicalDays = calendar.AtypicalDays } : assessment,
                UnknownSections = unknown,
            });
        }
    }

    /// <summary>Resolves a zone id from the system's tz database (tzdata on Linux), or null: <see cref="Common.TimeZones.Resolve"/>.</summary>
    public static TimeZoneInfo? SystemZone(string id) => Common.TimeZones.Resolve(id);

    /// <summary>
    /// A document of assessment sections alone (no <c>schemaVersion</c>: <c>helpdesk assess --contract</c>), read onto
    /// <paramref name="onto"/>'s calendar, catalogue and clock settings: the result is <paramref name="onto"/> carrying
    /// these sections, or every error found, each naming its field, as <see cref="Load"/> gives them.
    /// </summary>
    public static ContractLoadResult LoadAssessmentSections(string json, ContractDefinition onto)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(onto);
        var errors = new List<ContractError>();
        var assessment = AssessmentSectionsReader.Read(json, errors);
        return errors.Count == 0 && assessment is not null
            ? ContractLoadResult.Success(onto with { Assessment = assessment })
            : ContractLoadResult.Failure(errors.Count > 0 ? errors : [new ContractError("$", "the contract is incomplete.")]);
    }

    /// <summary>
    /// The assessment sections of the same document, when it has any, by <see cref="AssessmentSectionsReader"/>:
    /// one document, one load, one object carrying both (ADR-015).
    /// </summary>
    private static Helpdesk.Domain.Contracts.AssessmentContract? ReadAssessment(JsonElement root, List<ContractError> errors)
    {
        if (!root.EnumerateObject().Any(p => AssessmentSections.Contains(p.Name)))
        {
            return null;
        }

        // Unknown root sections stay listed, not rejected: the assessment reader sees only the sections this version reads.
        var known = new System.Text.Json.Nodes.JsonObject();
        foreach (var property in root.EnumerateObject().Where(p => KnownSections.Contains(p.Name) || AssessmentSections.Contains(p.Name)))
        {
            known[property.Name] = System.Text.Json.Nodes.JsonNode.Parse(property.Value.GetRawText(), documentOptions: Options);
        }

        return AssessmentSectionsReader.Read(known.ToJsonString(), errors);
    }

    private static JsonElement? Section(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
