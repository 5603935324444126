namespace ImageLab.Core.Dockerfiles;

/// <summary>One instruction of a Dockerfile, with its continuation lines and here-documents.</summary>
public sealed record DockerfileInstruction
{
    /// <summary>The instruction's keyword, upper-cased (<c>RUN</c>, <c>COPY</c>...).</summary>
    public required string Keyword { get; init; }

    /// <summary>The instruction as written: every physical line from <see cref="StartLine"/> to <see cref="EndLine"/>, joined by <c>\n</c>.</summary>
    public required string Text { get; init; }

    /// <summary>The 1-based line the keyword is on.</summary>
    public required int StartLine { get; init; }

    /// <summary>The 1-based last line of the instruction, including continuation lines and here-document bodies.</summary>
    public required int EndLine { get; init; }

    /// <summary>The leading <c>--name=value</c> flags.</summary>
    public IReadOnlyList<InstructionFlag> Flags { get; init; } = [];

    /// <summary>Everything after the keyword and the flags, continuations joined, as the shell form reads it.</summary>
    public string Arguments { get; init; } = "";

    /// <summary>The arguments of the JSON (exec) form, or <see langword="null"/> when the instruction uses the shell form.</summary>
    public IReadOnlyList<string>? ExecForm { get; init; }

    /// <summary>The here-documents that follow the instruction, in order.</summary>
    public IReadOnlyList<Heredoc> Heredocs { get; init; } = [];

    /// <summary>The variables an ARG or ENV instruction defines; empty for other instructions.</summary>
    public IReadOnlyList<VariableDefinition> Definitions { get; init; } = [];

    /// <summary>The instruction an ONBUILD instruction registers as a trigger; <see langword="null"/> otherwise.</summary>
    public DockerfileInstruction? Trigger { get; init; }

    /// <summary>The index of the stage the instruction belongs to, or -1 for ARG instructions before the first FROM.</summary>
    public int StageIndex { get; init; } = -1;

    /// <summary>Whether the instruction uses the JSON (exec) form.</summary>
    public bool IsExecForm => ExecForm is not null;

    /// <summary>The first flag with the given name (without dashes), or <see langword="null"/>.</summary>
    public InstructionFlag? GetFlag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return flag;
            }
        }

        return null;
    }
}
