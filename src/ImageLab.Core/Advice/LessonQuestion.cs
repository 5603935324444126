namespace ImageLab.Core.Advice;

/// <summary>The questions of the multi-stage lesson's checklist, in the order the lesson asks them.</summary>
public enum LessonQuestion
{
    /// <summary>Are there two or more stages (build and runtime)?</summary>
    MultiStage,

    /// <summary>Does the final stage copy only what it needs from the builder (no <c>COPY --from=x / /</c>, no <c>FROM builder</c>)?</summary>
    CopiesOnlyWhatItNeeds,

    /// <summary>Do the package managers of the final image run with their no-cache options?</summary>
    NoCacheOptions,

    /// <summary>Is the final base small (slim, alpine, distroless, chiseled, scratch)?</summary>
    SmallFinalBase,

    /// <summary>Are RUN steps combined, with caches cleaned in the layer that made them?</summary>
    CombinedRunsCleanCaches,

    /// <summary>Are large files (model weights) mounted at run time rather than copied into the image?</summary>
    LargeFilesMounted,

    /// <summary>Is the final image free of a build toolchain (compilers, headers)?</summary>
    NoBuildToolchain,
}
