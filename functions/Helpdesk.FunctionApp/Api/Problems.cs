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
}
