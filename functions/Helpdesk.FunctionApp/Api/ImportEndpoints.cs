using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;
using Microsoft.AspNetCore.Http.Features;

namespace Helpdesk.FunctionApp.Api;

/// <summary>
/// <c>PUT /api/imports/call-centre/{yyyy-MM}</c> (finance, supervisors, admins): the month's call-centre CSV
/// (docs/call-centre-csv.md, <c>text/csv</c>), validated row by row (400 naming the line and the column) and stored
/// as-is beside the month's finance documents; the same bytes again change nothing (200, same version). The monthly
/// closing and the daily figures read the latest import. <c>GET</c> on the same path returns the stored file, the very
/// <c>--calls</c> file of <c>helpdesk assess</c>.
/// </summary>
public static class ImportEndpoints
{
    /// <summary>Largest CSV accepted: a month of one-minute intervals is about 7 MB.</summary>
    public const long MaxCsvBytes = 16L * 1024 * 1024;

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization(AgentApi.StaffPolicy);
        group.MapPut("/call-centre/{month}", PutCallCentreAsync).WithName("ImportCallCentre")
            .Accepts<string>("text/csv").Produces<CallCentreImportResult>(StatusCodes.Status201Created).Produces<CallCentreImportResult>().ProducesValidationProblem();
        group.MapGet("/call-centre/{month}", GetCallCentreAsync).WithName("GetCallCentreImport").Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    internal static async Task<IResult> PutCallCentreAsync(HttpContext context, string month, CallCentreImport import, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ExportEndpoints.Refuse(context, ImportRefusal) is { } refusal)
        {
            return refusal;
        }

        if (!AssessmentMonth.TryParse(month, out var parsed))
        {
            return ExportEndpoints.MonthProblem();
        }

        var request = context.Request;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType("Envie o arquivo da central com Content-Type: text/csv.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxCsvBytes;
        }

        if (request.ContentLength > MaxCsvBytes)
        {
            return TooLarge();
        }

        byte[] content;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            content = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        try
        {
            var result = await import.ImportAsync(parsed, content, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return result.Created
                ? Results.Created($"/api/imports/call-centre/{parsed}", result)
                : Results.Ok(result);
        }
        catch (InputFormatException ex)
        {
            return CsvProblem(ex);
        }
    }

    internal static async Task<IResult> GetCallCentreAsync(HttpContext context, string month, ClosingInputs inputs, IReportStore reports, CancellationToken cancellationToken)
    {
        if (ExportEndpoints.Refuse(context, ImportRefusal) is { } refusal)
        {
            return refusal;
        }

        if (!AssessmentMonth.TryParse(month, out var parsed))
        {
            return ExportEndpoints.MonthProblem();
        }

        return await reports.ReadAsync(inputs.CallCentreKey(parsed), null, cancellationToken).ConfigureAwait(false) is { } stored
            ? Results.File(stored.Content, CallCentreImport.ContentType, $"call-centre-{parsed}.csv")
            : Problems.NotFound($"Nenhum dado da central de atendimento foi importado para {parsed.Month:00}/{parsed.Year}.");
    }

    /// <summary>400 naming the line and the column (the key of <c>errors</c>; <c>csv</c> when the error is about a whole line).</summary>
    internal static IResult CsvProblem(InputFormatException error)
    {
        var where = error.Line is { } line ? $"Linha {line}" + (error.Column is { } column ? $", coluna {column}" : string.Empty) : "Arquivo";
        return Results.ValidationProblem(
            new Dictionary<string, string[]> { [error.Column ?? "csv"] = [$"{where}: conteúdo inválido ({error.Detail})."] },
            title: "Dados inválidos",
            detail: $"{where}: corrija o arquivo e envie novamente.",
            type: "https://helpdesk.local/problems/validation",
            extensions: new Dictionary<string, object?> { ["line"] = error.Line, ["column"] = error.Column });
    }

    private const string ImportRefusal = "Somente o financeiro, supervisores e administradores importam os dados da central de atendimento.";

    private static IResult TooLarge() => Problems.TooLarge($"O arquivo excede o limite de {MaxCsvBytes / (1024 * 1024)} MB.");
}
