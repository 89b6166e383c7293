using Microsoft.Extensions.Primitives;

namespace Helpdesk.FunctionApp.Web;

/// <summary>
/// The Razor pages' endpoints, mapped when routing (or link generation) first asks for them instead of while the app
/// is built: <c>MapRazorPages</c> builds every page's action descriptor (application parts, page models, model
/// metadata) as soon as it is called, which cost about a third of the time before the readiness probe could be
/// answered. The first routed request maps them, once, under a lock; requests arriving
/// meanwhile wait for it.
/// </summary>
internal sealed class PagesMappedOnFirstUse(IEndpointRouteBuilder app) : EndpointDataSource, IDisposable
{
    private readonly Lock _gate = new();
    private CompositeEndpointDataSource? _pages;

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.DataSources.Add(new PagesMappedOnFirstUse(app));
    }

    public override IReadOnlyList<Endpoint> Endpoints => Pages().Endpoints;

    public override IChangeToken GetChangeToken() => Pages().GetChangeToken();

    public void Dispose()
    {
        lock (_gate)
        {
            _pages?.Dispose();
        }
    }

    private CompositeEndpointDataSource Pages()
    {
        lock (_gate)
        {
            if (_pages is null)
            {
                var builder = new Builder(app);
                builder.MapRazorPages();
                _pages = new CompositeEndpointDataSource(builder.DataSources);
            }

            return _pages;
        }
    }

    /// <summary>The app's services and pipeline, with a data-source list of its own (where MapRazorPages adds its source).</summary>
    private sealed class Builder(IEndpointRouteBuilder app) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => app.ServiceProvider;

        public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();

        public IApplicationBuilder CreateApplicationBuilder() => app.CreateApplicationBuilder();
    }
}
