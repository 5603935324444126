using Bunit;
using Bunit.TestDoubles;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using ImageLab.Data.Hosting;
using ImageLab.Data.Security;
using ImageLab.Testing;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;
using ImageLab.Web.Intake;
using ImageLab.Web.Services;
using ImageLab.Web.Tests.Components.Fakes;
using ImageLab.Web.UseCases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace ImageLab.Web.Tests.Components;

/// <summary>
/// bUnit context for the dashboard: MudBlazor with zero transitions, loose JS interop, and channel-fed
/// fakes of our own seams (queries, commands, the event feed) that a test can drive.
/// </summary>
public class ImageLabTestContext : BunitContext, IAsyncLifetime
{
    public ImageLabTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices(options =>
        {
            options.PopoverOptions.CheckForPopoverProvider = false;
            options.PopoverOptions.Duration = TimeSpan.Zero;
            options.PopoverOptions.Delay = TimeSpan.Zero;
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<IExperimentQueries>(Queries);
        Services.AddSingleton<IExperimentCommands>(Commands);
        Services.AddSingleton<IBuildEventFeed>(Feed);
        Services.AddSingleton<ISizeBlames>(Blames);
        Services.AddSingleton<IBaselineComparisons>(Baselines);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(new SampleLibrary(TestEnvironment.SamplesFolder));
        Services.AddSingleton(Options.Create(new DatabaseOptions { MaxContextBytes = 50L * 1024 * 1024 }));
        Services.AddSingleton<IAuditLog>(Audit);
        Services.AddSingleton(Options.Create(new SecurityOptions()));
        Services.AddSingleton<ICallerAuthorization>(new AllowingCallerAuthorization());
        Services.AddSingleton<ExperimentIntake>();
        Services.AddSingleton<ExperimentActions>();
        // The suggestion's refusals and its patch read only the queries; a test that reaches its stores or engine fails loudly.
        Services.AddSingleton(sp => new IterationSuggestions(
            Queries, null!, null!, null!, Options.Create(new SuggestionOptions()), Audit,
            sp.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>(), sp.GetRequiredService<ICallerAuthorization>()));
        // Signed in as an admin unless a test says otherwise (see SignInAs).
        Authorization = this.AddAuthorization();
        SignInAs("tester", ImageLabRoles.Admin);
    }

    public BunitAuthorizationContext Authorization { get; }

    public RecordingAuditLog Audit { get; } = new();

    /// <summary>Signs the rendered components in as <paramref name="name"/> with <paramref name="role"/> and the policies that role meets.</summary>
    public void SignInAs(string name, string role)
    {
        Authorization.SetAuthorized(name);
        Authorization.SetRoles(role);
        Authorization.SetPolicies(role switch
        {
            ImageLabRoles.Admin => [ImageLabPolicies.Admins, ImageLabPolicies.Builders],
            ImageLabRoles.Member => [ImageLabPolicies.Builders],
            _ => [],
        });
    }

    public FakeExperimentQueries Queries { get; } = new();

    public FakeExperimentCommands Commands { get; } = new();

    public ChannelBuildEventFeed Feed { get; } = new();

    public FakeSizeBlames Blames { get; } = new();

    public FakeBaselineComparisons Baselines { get; } = new();

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 11, 29, 15, 0, 0, TimeSpan.Zero));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously; xunit 2 calls this before Dispose.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Renders the popover provider first, as MainLayout does, so that selects and menus can open.</summary>
    public IRenderedComponent<MudPopoverProvider> RenderPopovers() => Render<MudPopoverProvider>();
}
