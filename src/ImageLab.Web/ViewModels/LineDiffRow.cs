using ImageLab.Core.Dockerfiles.Rewrites;

namespace ImageLab.Web.ViewModels;

/// <summary>One row of a line diff as shown: a line with its numbers in the old and new text, or a fold of unchanged lines.</summary>
/// <param name="Kind">Kept, removed or added; <see cref="LineEditKind.Same"/> for a fold too.</param>
/// <param name="OldLine">Its 1-based line in the old text; null for an added line or a fold.</param>
/// <param name="NewLine">Its 1-based line in the new text; null for a removed line or a fold.</param>
/// <param name="Text">The line's text.</param>
/// <param name="FoldedLines">For a fold, how many unchanged lines it hides; 0 for a line.</param>
public sealed record LineDiffRow(LineEditKind Kind, int? OldLine, int? NewLine, string Text, int FoldedLines = 0)
{
    public bool IsFold => FoldedLines > 0;
}
