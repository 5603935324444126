using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;
using ImageLab.Docker.Engine;

namespace ImageLab.Worker.Pipeline;

/// <summary>
/// Turns <c>docker history</c> (newest first) into layers (oldest first), telling the base image's layers
/// from the Dockerfile's own and matching each own layer to the instruction that made it.
/// </summary>
public static class LayerAttribution
{
    /// <param name="history">The image's history as the engine returns it, newest first.</param>
    /// <param name="baseLayerCount">How many of the oldest entries belong to the base image.</param>
    /// <param name="ownInstructions">The instructions that built on the base, in order (FROM excluded).</param>
    public static IReadOnlyList<LayerDetails> Attribute(
        IReadOnlyList<HistoryEntry> history, int baseLayerCount, IReadOnlyList<DockerfileInstruction> ownInstructions)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ownInstructions);
        var layers = new List<LayerDetails>(history.Count);
        var next = 0;
        for (var index = 0; index < history.Count; index++)
        {
            var entry = history[history.Count - 1 - index];
            var fromBase = index < baseLayerCount;
            DockerfileInstruction? instruction = null;
            if (!fromBase && KeywordOf(entry.CreatedBy) is { } keyword)
            {
                var match = FindNext(ownInstructions, next, keyword);
                if (match >= 0)
                {
                    instruction = ownInstructions[match];
                    next = match + 1;
                }
            }

            layers.Add(new LayerDetails(
                index, entry.Id, entry.CreatedBy, entry.SizeBytes, entry.Created, entry.Comment, entry.EmptyLayer, fromBase,
                instruction?.Keyword, instruction?.StartLine));
        }

        return layers;
    }

    /// <summary>
    /// The instruction keyword a history entry was made by. BuildKit writes <c>RUN /bin/sh -c ... # buildkit</c>
    /// or <c>COPY x . # buildkit</c>; the classic builder writes <c>/bin/sh -c #(nop)  CMD [...]</c> for
    /// metadata and the bare command (possibly after <c>|N ARG=value</c>) for RUN.
    /// </summary>
    public static string? KeywordOf(string createdBy)
    {
        ArgumentNullException.ThrowIfNull(createdBy);
        var text = createdBy.TrimStart();
        const string nop = "#(nop)";
        var nopAt = text.IndexOf(nop, StringComparison.Ordinal);
        if (nopAt >= 0)
        {
            return FirstWord(text[(nopAt + nop.Length)..]);
        }

        var first = FirstWord(text);
        if (first is not null && IsKeyword(first))
        {
            return first;
        }

        return text.Length > 0 ? "RUN" : null;
    }

    private static int FindNext(IReadOnlyList<DockerfileInstruction> instructions, int start, string keyword)
    {
        for (var i = start; i < instructions.Count; i++)
        {
            if (string.Equals(instructions[i].Keyword, keyword, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? FirstWord(string text)
    {
        var trimmed = text.TrimStart();
        var end = trimmed.IndexOfAny([' ', '\t', '\n']);
        var word = end < 0 ? trimmed : trimmed[..end];
        return word.Length == 0 ? null : word.ToUpperInvariant();
    }

    private static bool IsKeyword(string word) => word is "RUN" or "COPY" or "ADD" or "ENV" or "ARG" or "WORKDIR" or "CMD"
        or "ENTRYPOINT" or "EXPOSE" or "LABEL" or "USER" or "VOLUME" or "STOPSIGNAL" or "HEALTHCHECK" or "SHELL" or "ONBUILD" or "MAINTAINER";
}
