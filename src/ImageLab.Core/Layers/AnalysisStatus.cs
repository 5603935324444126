namespace ImageLab.Core.Layers;

/// <summary>Outcome of an iteration's layer analysis; the build's own status is separate and unaffected.</summary>
public enum AnalysisStatus
{
    Succeeded,
    Failed,
}
