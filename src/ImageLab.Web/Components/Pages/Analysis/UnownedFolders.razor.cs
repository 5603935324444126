using ImageLab.Core.Anatomy;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>The bytes no package database claims, by top folder (the application, copied files, caches); a folder drills to its files.</summary>
public partial class UnownedFolders
{
    /// <summary>How many folders show before "show all": the long tail of a few bytes each rarely matters.</summary>
    public const int FirstShown = 10;

    private bool _showAll;

    [Parameter, EditorRequired]
    public IReadOnlyList<FolderBytes> Folders { get; set; } = [];

    [Parameter, EditorRequired]
    public long TotalBytes { get; set; }

    [Parameter]
    public string? Selected { get; set; }

    [Parameter]
    public EventCallback<string> OnSelect { get; set; }

    private IReadOnlyList<FolderBytes> Shown => _showAll || Folders.Count <= FirstShown ? Folders : [.. Folders.Take(FirstShown)];
}
