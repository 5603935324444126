using ImageLab.Core.Anatomy;

namespace ImageLab.Web.UseCases;

/// <summary>Why two iterations' images differ in size: the seam the comparison components read the blame through.</summary>
public interface ISizeBlames
{
    /// <summary>Why <paramref name="after"/>'s image differs from <paramref name="before"/>'s, by step, package and kind.</summary>
    /// <exception cref="ActionRefusedException">Either iteration has no analysis (or one made before package anatomy), or does not exist; the message says which in a sentence.</exception>
    Task<SizeBlame> BlameAsync(long before, long after, CancellationToken cancellationToken);
}
