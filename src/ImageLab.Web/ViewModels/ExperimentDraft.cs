using System.Text;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Builds;
using ImageLab.Core.Experiments;
using ImageLab.Web.Intake;

namespace ImageLab.Web.ViewModels;

/// <summary>
/// The New experiment form: context files (or one archive), the iterations in order, project, builder
/// and build args. Files are kept in a private folder as they arrive, at their context paths as an upload is spooled,
/// so nothing large sits in memory and sending hands the folder over without a copy; the draft checks itself in words
/// before anything is sent.
/// </summary>
public sealed class ExperimentDraft : IDisposable
{
    private const long MaxDockerfileBytes = 1024 * 1024;
    private const string DockerIgnoreName = ".dockerignore";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imagelab-draft-" + Guid.NewGuid().ToString("N"));
    private readonly string _filesFolder;
    private readonly List<ContextFileDraft> _files = [];
    private readonly List<IterationDraft> _iterations = [];

    public ExperimentDraft()
    {
        _filesFolder = Path.Combine(_folder, SpooledUpload.FilesFolderName);
    }

    public string? Name { get; set; }

    public string Project { get; set; } = "";

    public string SubmittedBy { get; set; } = "";

    public BuilderKind Builder { get; set; } = BuilderKind.BuildKit;

    public List<BuildArgDraft> BuildArgs { get; } = [];

    /// <summary>Whether RUN steps may use the network (builds get none unless asked and the server allows it).</summary>
    public bool RequestsNetwork { get; set; }

    /// <summary>
    /// The check command as typed (words quoted as in a shell); empty to take the context's <c>imagelab.json</c>. Run in
    /// a container of the source and of a suggested image to prove the suggestion still works.
    /// </summary>
    public string CheckCommandLine { get; set; } = "";

    /// <summary>Text the check's output must contain; empty when its exit code is enough.</summary>
    public string CheckExpect { get; set; } = "";

    public IReadOnlyList<ContextFileDraft> Files => _files;

    public ArchiveDraft? Archive { get; private set; }

    public IReadOnlyList<IterationDraft> Iterations => _iterations;

    public long TotalBytes =>
        _files.Sum(f => f.SizeBytes) + (Archive?.SizeBytes ?? 0) + _iterations.Where(i => i.CarriesText).Sum(i => (long)Encoding.UTF8.GetByteCount(i.Text));

    public bool IsEmpty => _files.Count == 0 && Archive is null && _iterations.Count == 0;

    /// <summary>True for names the Dockerfile naming rules turn into iterations (not their .dockerignore files).</summary>
    public static bool IsDockerfile(string path) =>
        DockerfileNaming.MayBeDockerfile(path) && !path.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase);

    public static bool IsArchive(string fileName) => ContextArchiveFormats.IsArchive(fileName);

    /// <summary>
    /// Adds one file at its context path: a Dockerfile becomes an iteration (its text in the editor), any
    /// other file joins the context. Loose files replace an archive.
    /// </summary>
    public async Task AddFileAsync(string contextPath, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = UploadPath.Validate(contextPath);
        RemoveArchive();
        var slash = path.LastIndexOf('/');
        if (IsDockerfile(path))
        {
            using var reader = new StreamReader(new BoundedStream(content, MaxDockerfileBytes, path), Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            var name = DockerfileNaming.IterationName(path);
            _iterations.RemoveAll(i => i.ArchivePath is null && i.ContextPath == path);
            _iterations.Add(new IterationDraft { Name = name, Folder = slash >= 0 ? path[..(slash + 1)] : "", Text = text });
            SortIterationsByName();
            return;
        }

        // Written beside its place first, so that a file that fails to arrive leaves the one it would replace.
        var incoming = Path.Combine(_folder, "incoming-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        long size;
        try
        {
            var output = File.Create(incoming);
            await using (output)
            {
                await content.CopyToAsync(new BoundedStream(output, Math.Max(0, maxBytes - TotalBytes), path, writing: true), cancellationToken);
                size = output.Length;
            }
        }
        catch
        {
            TryDelete(incoming);
            throw;
        }

        RemoveFile(path);
        var stored = Path.GetFullPath(Path.Combine(_filesFolder, path));
        Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
        File.Move(incoming, stored);
        _files.Add(new ContextFileDraft(path, size, stored));
        _files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
    }

    /// <summary>
    /// Adds a folder's files at their context paths, honouring its <c>.dockerignore</c> (or the one already in the
    /// context) as the archive path does: excluded files are never read, Dockerfiles and the <c>.dockerignore</c> are
    /// always kept. Returns how many files the <c>.dockerignore</c> left out.
    /// </summary>
    public async Task<int> AddFolderAsync(IReadOnlyList<FolderFile> files, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ignore = await ReadDockerIgnoreAsync(files, cancellationToken);
        var leftOut = 0;
        foreach (var file in files)
        {
            var path = UploadPath.Validate(file.Path);
            if (path != DockerIgnoreName && !IsDockerfile(path) && ignore.IsExcluded(path))
            {
                leftOut++;
                continue;
            }

            var stream = file.Open(cancellationToken);
            await using (stream)
            {
                await AddFileAsync(path, stream, maxBytes, cancellationToken);
            }
        }

        return leftOut;
    }

    /// <summary>Sets the context to one archive; its Dockerfiles become the iterations (in name order).</summary>
    public async Task SetArchiveAsync(string fileName, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var extension = ArchiveKind.ExtensionOf(fileName);
        ClearContext();
        var stored = Path.Combine(_folder, "archive-" + Guid.NewGuid().ToString("N") + extension);
        Directory.CreateDirectory(_folder);
        var output = File.Create(stored);
        await using (output)
        {
            await content.CopyToAsync(new BoundedStream(output, maxBytes, fileName, writing: true), cancellationToken);
        }

        IReadOnlyList<string> entries;
        try
        {
            entries = await BuildContextWriter.ListArchiveAsync(stored, maxBytes, cancellationToken);
        }
        catch (BuildContextException e)
        {
            File.Delete(stored);
            throw new SubmissionRejectedException(e.Message, e);
        }

        // The archive's Dockerfiles become iterations with their text, to be edited, renamed and ordered like pasted ones.
        var found = DockerfileNaming.FindIterations(entries.Select(e => e.TrimStart('.', '/'))).ToList();
        IReadOnlyDictionary<string, string> texts;
        try
        {
            texts = await BuildContextWriter.ReadArchiveTextsAsync(stored, found, MaxDockerfileBytes, cancellationToken);
        }
        catch (BuildContextException e)
        {
            File.Delete(stored);
            throw new SubmissionRejectedException(e.Message, e);
        }

        Archive = new ArchiveDraft(Path.GetFileName(fileName), new FileInfo(stored).Length, stored, entries.Count);
        foreach (var path in found)
        {
            var name = DockerfileNaming.IterationName(path);
            var text = texts.TryGetValue(path, out var t) ? t : "";
            var slash = path.LastIndexOf('/');
            _iterations.Add(new IterationDraft
            {
                Name = name,
                Folder = slash >= 0 ? path[..(slash + 1)] : "",
                Text = text,
                ArchivePath = path,
                ArchiveName = name,
                ArchiveText = text,
                Expanded = false,
            });
        }
    }

    public IterationDraft AddIteration(string name, string text)
    {
        var iteration = new IterationDraft { Name = name, Text = text };
        _iterations.Add(iteration);
        return iteration;
    }

    /// <summary>A free name like "iteration-3" for a new pasted iteration.</summary>
    public string NextIterationName()
    {
        for (var n = _iterations.Count + 1; ; n++)
        {
            var name = "iteration-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_iterations.TrueForAll(i => !i.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return name;
            }
        }
    }

    public void Move(IterationDraft iteration, int delta)
    {
        var from = _iterations.IndexOf(iteration);
        var to = from + delta;
        if (from < 0 || to < 0 || to >= _iterations.Count)
        {
            return;
        }

        _iterations.RemoveAt(from);
        _iterations.Insert(to, iteration);
    }

    public void Remove(IterationDraft iteration) => _iterations.Remove(iteration);

    public void RemoveFile(string path)
    {
        foreach (var file in _files.Where(f => f.Path == path).ToList())
        {
            TryDelete(file.StoredAt);
            _files.Remove(file);
        }
    }

    public void RemoveArchive()
    {
        if (Archive is null)
        {
            return;
        }

        TryDelete(Archive.StoredAt);
        Archive = null;
        _iterations.RemoveAll(i => i.ArchivePath is not null);
    }

    /// <summary>Forgets every file, the archive and the iterations.</summary>
    public void ClearContext()
    {
        RemoveArchive();
        foreach (var file in _files)
        {
            TryDelete(file.StoredAt);
        }

        _files.Clear();
        _iterations.Clear();
    }

    /// <summary>
    /// Every reason the draft cannot be sent yet, in words; empty when it can. The rules are <see cref="SubmissionRules"/>,
    /// the ones the intake enforces; the draft adds only what it knows before sending (an empty form, the size limit).
    /// </summary>
    public IReadOnlyList<DraftProblem> Validate(long maxBytes)
    {
        var problems = new List<DraftProblem>();
        AddIfAny(problems, DraftProblem.ProjectField, SubmissionRules.ProjectProblem(Project));
        AddIfAny(problems, DraftProblem.NameField, SubmissionRules.NameProblem(Name));
        if (_iterations.Count == 0)
        {
            problems.Add(new DraftProblem(
                DraftProblem.ContextField,
                Archive is null
                    ? "Add at least one Dockerfile: drop files or a folder, paste one into a new iteration, or try the sample."
                    : $"The archive {Archive.FileName} has no Dockerfile: name them Dockerfile, Dockerfile.<name> or <name>.Dockerfile."));
        }

        if (TotalBytes > maxBytes)
        {
            problems.Add(new DraftProblem(
                DraftProblem.ContextField,
                $"The context is {ByteSize.Format(TotalBytes)}, over the limit of {ByteSize.Format(maxBytes)}: remove large files or add a .dockerignore."));
        }

        ValidateIterations(problems);
        ValidateBuildArgs(problems);
        AddIfAny(problems, DraftProblem.CheckField, ReadCheck().Problem);
        return problems;
    }

    // The typed check as the intake takes it; no check (null) when the command is empty.
    private (CheckCommand? Check, string? Problem) ReadCheck()
    {
        if (string.IsNullOrWhiteSpace(CheckCommandLine))
        {
            return (null, string.IsNullOrWhiteSpace(CheckExpect) ? null : "Expected output needs a check command to run.");
        }

        var (words, problem) = CommandLineWords.Split(CheckCommandLine);
        if (problem is not null)
        {
            return (null, problem);
        }

        var check = new CheckCommand(words, string.IsNullOrEmpty(CheckExpect) ? null : CheckExpect);
        return (check, SubmissionRules.CheckProblem(check));
    }

    private void ValidateIterations(List<DraftProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < _iterations.Count; index++)
        {
            var iteration = _iterations[index];
            var field = DraftProblem.IterationField(iteration.Id);
            if (SubmissionRules.IterationNameProblem(iteration.Name, $"Iteration {index + 1}") is { } nameProblem)
            {
                problems.Add(new DraftProblem(field, nameProblem));
                if (string.IsNullOrWhiteSpace(iteration.Name))
                {
                    continue;
                }
            }

            if (!seen.Add(iteration.ContextPath))
            {
                problems.Add(new DraftProblem(field, SubmissionRules.DuplicateIteration(iteration.Name)));
            }

            AddIfAny(problems, field, iteration.DockerfileProblem);
        }
    }

    private void ValidateBuildArgs(List<DraftProblem> problems)
    {
        var argNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in BuildArgs)
        {
            if (string.IsNullOrWhiteSpace(arg.Name) && string.IsNullOrEmpty(arg.Value))
            {
                continue;
            }

            var field = DraftProblem.BuildArgField(arg.Id);
            if (SubmissionRules.BuildArgNameProblem(arg.Name) is { } argProblem)
            {
                problems.Add(new DraftProblem(field, argProblem));
            }
            else if (!argNames.Add(arg.Name.Trim()))
            {
                problems.Add(new DraftProblem(field, SubmissionRules.DuplicateBuildArg(arg.Name)));
            }
        }
    }

    private static void AddIfAny(List<DraftProblem> problems, string field, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(new DraftProblem(field, problem));
        }
    }

    /// <summary>
    /// Describes the draft for <see cref="ExperimentIntake"/>, handing its folder over as the upload (nothing is copied):
    /// the loose files or the archive as they are, and the Dockerfiles that carry their text (pasted, dropped, or edited
    /// from the archive) as text. The draft still owns the folder, so a refused submission can be mended and sent again.
    /// </summary>
    public IntakeRequest ToRequest() => new()
    {
        Upload = SpooledUpload.Of(_folder, Archive?.StoredAt, _files.Count),
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        Project = Project.Trim(),
        SubmittedBy = string.IsNullOrWhiteSpace(SubmittedBy) ? "anonymous" : SubmittedBy.Trim(),
        Builder = Builder,
        RequestsNetwork = RequestsNetwork,
        Check = ReadCheck() is { Check: { } check, Problem: null } ? check : null,
        Dockerfiles = _iterations.Select(i => i.ContextPath).ToList(),
        DockerfileOverrides = _iterations.Where(i => i.CarriesText).ToDictionary(i => i.ContextPath, i => i.Text, StringComparer.Ordinal),
        BuildArgs = BuildArgs.Where(a => !string.IsNullOrWhiteSpace(a.Name))
            .GroupBy(a => a.Name.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
    };

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<DockerIgnoreMatcher> ReadDockerIgnoreAsync(IReadOnlyList<FolderFile> files, CancellationToken cancellationToken)
    {
        try
        {
            if (files.FirstOrDefault(f => f.Path == DockerIgnoreName) is { } dropped)
            {
                var stream = dropped.Open(cancellationToken);
                await using (stream)
                {
                    return await DockerIgnoreMatcher.ReadAsync(new BoundedStream(stream, MaxDockerfileBytes, DockerIgnoreName), cancellationToken);
                }
            }

            if (_files.FirstOrDefault(f => f.Path == DockerIgnoreName) is { } kept)
            {
                var stream = File.OpenRead(kept.StoredAt);
                await using (stream)
                {
                    return await DockerIgnoreMatcher.ReadAsync(stream, cancellationToken);
                }
            }
        }
        catch (BuildContextException e)
        {
            throw new SubmissionRejectedException(e.Message, e);
        }

        return DockerIgnoreMatcher.Empty;
    }

    private void SortIterationsByName()
    {
        var ordered = DockerfileNaming.FindIterations(_iterations.Select(i => i.ContextPath)).ToList();
        _iterations.Sort((a, b) => ordered.IndexOf(a.ContextPath).CompareTo(ordered.IndexOf(b.ContextPath)));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
