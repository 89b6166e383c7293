namespace Helpdesk.FunctionApp.Api;

/// <summary>RFC 9457 problem details in Brazilian Portuguese, the language of the people who read them.</summary>
public static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors,
            title: "Dados inválidos",
            detail: "Corrija os campos indicados em 'errors' e envie novamente.",
            type: "https://helpdesk.local/problems/validation");

    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Requisição inválida", type: "https://helpdesk.local/problems/bad-request");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Não encontrado", type: "https://helpdesk.local/problems/not-found");

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Tipo de conteúdo não suportado", type: "https://helpdesk.local/problems/unsupported-media-type");

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Conteúdo grande demais", type: "https://helpdesk.local/problems/too-large");

    public static IResult Unauthorized(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Não autenticado", type: "https://helpdesk.local/problems/unauthorized");

    public static IResult Forbidden(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Acesso negado", type: "https://helpdesk.local/problems/forbidden");

    public static IResult Conflict(string detail, string code) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Operação não permitida no estado atual", type: "https://helpdesk.local/problems/" + code);

    public static IResult PreconditionRequired() =>
        Results.Problem(
            detail: "Envie o cabeçalho If-Match com a ETag obtida na leitura (GET) para alterar este recurso.",
            statusCode: StatusCodes.Status428PreconditionRequired,
            title: "If-Match obrigatório",
            type: "https://helpdesk.local/problems/precondition-required");

    public static IResult PreconditionFailed(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "O recurso mudou desde a sua leitura", type: "https://helpdesk.local/problems/precondition-failed");

    public static IResult TooManyRequests(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Muitas requisições", type: "https://helpdesk.local/problems/too-many-requests");

    /// <summary>503 with <c>Retry-After</c>: the request is sound but cannot be answered safely yet; a retry will be.</summary>
    public static IResult RetryLater(HttpContext context, string detail, int seconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Tente novamente em instantes", type: "https://helpdesk.local/problems/retry-later");
    }
}
