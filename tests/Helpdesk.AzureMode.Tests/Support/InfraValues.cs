using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.AzureMode.Tests.Support;

/// <summary>Values the driver takes from <c>infra/</c> rather than restating them.</summary>
public static partial class InfraValues
{
    /// <summary>The queues' <c>maxDeliveryCount</c>: <c>queueMaxDeliveryCount</c> of infra/main.bicep, which
    /// infra/app/servicebus.bicep sets on every queue.</summary>
    public static int MaxDeliveryCount() => ParamValue("main.bicep", MainDefault());

    public static int ParamValue(string file, Regex pattern)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", file));
        var match = pattern.Match(text);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"queueMaxDeliveryCount not found in infra/{file}");
    }

    [GeneratedRegex(@"param\s+queueMaxDeliveryCount\s+int\s*=\s*(\d+)")]
    public static partial Regex MainDefault();

    [GeneratedRegex(@"param\s+queueMaxDeliveryCount\s*=\s*(\d+)")]
    public static partial Regex ParamFile();
}
