using ImageLab.Core.Anatomy;
using ImageLab.Core.Contracts;
using ImageLab.Web.Formatting;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>
/// Where an image's bytes are: a headline, the bytes by kind, the largest packages and the folders no package owns;
/// picking one shows its files under it. The page loads the data; this component only shows it and says what was picked.
/// </summary>
public partial class ByteAnatomyView
{
    [Parameter, EditorRequired]
    public PackagesResponse Anatomy { get; set; } = default!;

    /// <summary>What made each layer of the image, by index.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<LayerSource> Layers { get; set; } = [];

    /// <summary>The kind, package or folder whose files are shown; null when none is.</summary>
    [Parameter]
    public FileGroup? Selected { get; set; }

    /// <summary>The selected group's files; null while they load.</summary>
    [Parameter]
    public PackageFilesResponse? Drill { get; set; }

    /// <summary>Why the selected group's files could not be read.</summary>
    [Parameter]
    public string? DrillProblem { get; set; }

    [Parameter]
    public EventCallback<FileGroup> OnDrill { get; set; }

    [Parameter]
    public EventCallback OnCloseDrill { get; set; }

    [Parameter]
    public EventCallback OnShowMore { get; set; }

    private PackageResponse? SelectedPackage =>
        Selected?.Package is not null ? Anatomy.Packages.FirstOrDefault(package => GroupOf(package) == Selected) : null;

    private string DrillTitle => Selected switch
    {
        { Package: { } key } => SelectedPackage is { } package
            ? $"{package.Manager} package {package.Name} {package.Version}".TrimEnd()
            : $"{key.Manager.ToString().ToLowerInvariant()} package {key.Name}",
        { Folder: { } folder } => $"Files no package owns under {folder}",
        { Kind: { } kind } => ByteKindText.Name(kind),
        _ => "",
    };

    // What the debug-info number is, since it is the one kind not judged by path alone.
    private string DebugInfoNote => Anatomy.DebugSectionsRead
        ? "Debug info: separate debug files (/usr/lib/debug, *.debug) and the .debug sections inside unstripped ELF programs and libraries; the rest of such a program counts under its own kind."
        : "Debug info: separate debug files (/usr/lib/debug, *.debug) only. This image was analyzed before ImageLab read ELF sections; analyze it again to count the .debug sections inside programs.";

    public static FileGroup GroupOf(PackageResponse package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return FileGroup.OfPackage(new PackageKey(Enum.Parse<PackageManager>(package.Manager, ignoreCase: true), package.Name, package.Location));
    }
}
