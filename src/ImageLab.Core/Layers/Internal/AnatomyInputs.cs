namespace ImageLab.Core.Layers.Internal;

/// <summary>
/// What the byte anatomy needs from a layer besides its entries, collected while the tar streams past: the package
/// databases' texts and the bytes of each file's ELF debug sections (only files that have some). Both null when the
/// analysis leaves the anatomy out.
/// </summary>
internal sealed record AnatomyInputs(Dictionary<string, string>? PackageDatabases, Dictionary<string, long>? DebugSections)
{
    /// <summary>Records a file's debug-section bytes; a later entry of the same path (0 included) replaces an earlier one.</summary>
    public void SetDebugBytes(string path, long bytes)
    {
        if (DebugSections is null)
        {
            return;
        }
        if (bytes > 0)
        {
            DebugSections[path] = bytes;
        }
        else
        {
            DebugSections.Remove(path);
        }
    }
}
