using ImageLab.Core.Contracts;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ImageLab.Web.Components.Pages.Admin;

/// <summary>The audit log for admins, read page by page from the database.</summary>
public sealed partial class AuditPage
{
    [Inject]
    private AuditTrail Audit { get; set; } = default!;

    private async Task<TableData<AuditEntryInfo>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Audit.ListAsync(state.Page + 1, state.PageSize, cancellationToken);
        return new TableData<AuditEntryInfo> { Items = page.Items, TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
    }
}
