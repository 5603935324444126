namespace ImageLab.Core.Anatomy;

/// <summary>
/// One reason two images differ in size: a package, a kind of bytes or a Dockerfile step, with its bytes in each
/// image. <see cref="Detail"/>, for a step, names the folder or package inside it that explains most of the change.
/// </summary>
public sealed record SizeCause(SizeCauseKind Kind, string Subject, long BeforeBytes, long AfterBytes, SizeDetail? Detail = null)
{
    public long DeltaBytes => AfterBytes - BeforeBytes;

    public bool IsAdded => BeforeBytes == 0 && AfterBytes > 0;

    public bool IsRemoved => AfterBytes == 0 && BeforeBytes > 0;
}
