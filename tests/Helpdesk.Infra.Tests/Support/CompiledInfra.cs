namespace Helpdesk.Infra.Tests.Support;

/// <summary>infra/main.bicep and its parameter files compiled once per test run with the Bicep CLI.</summary>
internal static class CompiledInfra
{
    private static readonly Lazy<Task<ArmTemplate>> MainTemplate = new(BuildMainAsync);
    private static readonly Lazy<Task<ProcessResult>> DevParameters = new(() => BuildParamsAsync("main.dev.bicepparam"));
    private static readonly Lazy<Task<ProcessResult>> ProdParameters = new(() => BuildParamsAsync("main.prod.bicepparam"));

    public static Task<ArmTemplate> Main => MainTemplate.Value;

    /// <summary>The raw result of <c>bicep build-params main.{environment}.bicepparam --stdout</c>.</summary>
    public static Task<ProcessResult> ParametersBuild(string environment) => environment switch
    {
        "dev" => DevParameters.Value,
        "prod" => ProdParameters.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "no such parameter file"),
    };

    /// <summary>The ARM parameters file built from main.{environment}.bicepparam.</summary>
    public static async Task<ArmTemplate> Parameters(string environment)
    {
        var result = await ParametersBuild(environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe($"bicep build-params main.{environment}.bicepparam"));
        }

        // --stdout wraps the parameters file: { "parametersJson": "...", "templateJson": "..." }.
        var wrapper = System.Text.Json.Nodes.JsonNode.Parse(result.StandardOutput);
        var parameters = wrapper?["parametersJson"]?.GetValue<string>()
            ?? throw new FormatException("bicep build-params --stdout printed no parametersJson");
        return ArmTemplate.Parse(parameters);
    }

    /// <summary>The function app's app settings: the properties of its <c>sites/config 'appsettings'</c> resource.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> AppSettingsAsync()
    {
        var template = await Main;
        var appSettings = Assert.Single(
            template.OfType("Microsoft.Web/sites/config"),
            r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));
        Assert.Equal("function-app", appSettings.Module);

        // Keys must be literal in function-app.bicep (no union()) for the checks to see them.
        return appSettings.Json["properties"] as System.Text.Json.Nodes.JsonObject
            ?? throw new Xunit.Sdk.XunitException("the appsettings resource's properties are an expression, not an object: keep its keys literal");
    }

    private static async Task<ArmTemplate> BuildMainAsync()
    {
        var result = await BicepCli.RunAsync(["build", "main.bicep", "--stdout"], CancellationToken.None);
        return result.ExitCode == 0
            ? ArmTemplate.Parse(result.StandardOutput)
            : throw new InvalidOperationException(result.Describe("bicep build main.bicep"));
    }

    private static Task<ProcessResult> BuildParamsAsync(string file) =>
        BicepCli.RunAsync(["build-params", file, "--stdout"], CancellationToken.None);
}
