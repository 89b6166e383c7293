using Helpdesk.AzureMode.Tests.Support;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.AzureMode.Tests;

/// <summary>The driver's delivery limit is the one infra/ deploys.</summary>
public sealed class InfraAgreementTests
{
    [Fact]
    public void The_drivers_max_delivery_count_is_what_every_queue_gets_in_dev_and_prod()
    {
        var driver = InfraValues.MaxDeliveryCount();
        var servicebus = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "app", "servicebus.bicep"));
        var main = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.bicep"));

        Assert.InRange(driver, 2, 100);
        Assert.Contains("maxDeliveryCount: maxDeliveryCount", servicebus, StringComparison.Ordinal);
        Assert.Contains("maxDeliveryCount: queueMaxDeliveryCount", main, StringComparison.Ordinal);
        Assert.Equal(driver, InfraValues.ParamValue("main.prod.bicepparam", InfraValues.ParamFile()));
        Assert.DoesNotContain("queueMaxDeliveryCount", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.dev.bicepparam")), StringComparison.Ordinal); // dev takes the default
    }
}
