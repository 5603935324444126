using System.Globalization;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ImageLab.Web.Components.Controls;

/// <summary>
/// A build log: virtualized (only the visible lines are in the page, so 50,000 lines scroll smoothly),
/// ANSI colours rendered as classes, following the end until the user scrolls up.
/// </summary>
public sealed partial class LogViewer : IAsyncDisposable
{
    /// <summary>Pixels per line; the CSS gives every line exactly this height so that Virtualize can count.</summary>
    public const float LineHeight = 19f;

    /// <summary>Lines rendered while following the end: the 460 px body shows 24, the rest is room to scroll up a little.</summary>
    public const int TailLines = 60;

    private ElementReference _body;
    private DotNetObjectReference<LogViewer>? _self;
    private bool _following = true;
    private LogBuffer? _renderedLog;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public LogBuffer Log { get; set; } = default!;

    [Parameter]
    public string Title { get; set; } = "Log";

    /// <summary>True while lines may still arrive.</summary>
    [Parameter]
    public bool Live { get; set; }

    [Parameter]
    public string EmptyText { get; set; } = "No output yet.";

    [Parameter]
    public string? RawHref { get; set; }

    private int TailStart => Math.Max(0, Log.Count - TailLines);

    private string LineCountText => Log.Count == 1
        ? "1 line"
        : Log.Count.ToString("N0", CultureInfo.InvariantCulture) + " lines" + (Log.Dropped > 0 ? $" (first {Log.Dropped.ToString("N0", CultureInfo.InvariantCulture)} dropped)" : "");

    /// <summary>Renders the log again after lines were appended, without the page around it rendering.</summary>
    public void Refresh() => StateHasChanged();

    [JSInvokable]
    public Task OnFollowChanged(bool following)
    {
        _following = following;
        return InvokeAsync(StateHasChanged);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("imageLab.watchLog", _body, _self);
        }

        // New lines need no call: the browser scrolls a followed log to its end when lines are added (app.js).
        if (!ReferenceEquals(_renderedLog, Log))
        {
            // Another iteration's log: start at its end, following.
            _renderedLog = Log;
            _following = true;
            await JS.InvokeVoidAsync("imageLab.resumeLog", _body);
        }
    }

    private async Task ResumeAsync()
    {
        _following = true;
        await JS.InvokeVoidAsync("imageLab.resumeLog", _body);
    }

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }
}
