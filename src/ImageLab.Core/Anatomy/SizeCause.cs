namespace ImageLab.Core.Anatomy;

/// <summary>
/// One reason two images differ in size: a package, a kind of bytes or a Dockerfile step, with its bytes in each
/// image. <see cref="Detail"/>, for a step, names the folder or package inside it that explains most of the change;
/// <see cref="Was"/>, for a step whose text was edited (<see cref="EditedSteps"/>), is its instruction in the older image.
/// </summary>
public sealed record SizeCause(SizeCauseKind Kind, string Subject, long BeforeBytes, long AfterBytes, SizeDetail? Detail = null, string? Was = null)
{
    public long DeltaBytes => AfterBytes - BeforeBytes;

    public bool IsAdded => BeforeBytes == 0 && AfterBytes > 0 && Was is null;

    public bool IsRemoved => AfterBytes == 0 && BeforeBytes > 0 && Was is null;

    public bool IsEdited => Was is not null;

    /// <summary>The step as a sentence's subject: "line 9 `RUN …`", and for an edited step "line 9 `RUN …` (changed from `RUN …`)".</summary>
    public string Step => Was is null ? Subject : $"{Subject} (changed from `{Was}`)";
}
