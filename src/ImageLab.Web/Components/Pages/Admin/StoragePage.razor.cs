using ImageLab.Data.Stores;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Admin;

/// <summary>The database's size per table, for admins watching retention bound it.</summary>
public sealed partial class StoragePage
{
    private DatabaseSize? _size;
    private string? _error;

    [Inject]
    private OperationsQueries Operations { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _size = await Operations.GetDatabaseSizeAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = $"The database did not say its size: {e.Message}";
        }
    }

    private string Share(TableSize table)
    {
        var all = _size!.Tables.Sum(t => t.Bytes);
        return Percentage.Format(all == 0 ? 0 : 100.0 * table.Bytes / all);
    }
}
