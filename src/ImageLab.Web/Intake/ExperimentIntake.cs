using System.Formats.Tar;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Hosting;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;
using ImageLab.Web.UseCases;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Intake;

/// <summary>
/// Turns an upload (files spooled to a folder, or one archive) into a stored experiment: packages the
/// context as a tar on disk, finds the Dockerfiles, checks them against <see cref="SubmissionRules"/> and the caller's
/// network rights, submits and audits. The submit use case: the REST API and the New experiment page both call it.
/// </summary>
public sealed class ExperimentIntake(
    IExperimentCommands commands,
    IExperimentQueries queries,
    IOptions<DatabaseOptions> options,
    IOptions<SecurityOptions> security,
    ICallerAuthorization callers,
    IAuditLog audit)
{
    /// <summary>Stores the experiment and returns its id.</summary>
    /// <exception cref="SubmissionRejectedException">The upload or its fields break a rule (the message says which).</exception>
    /// <exception cref="UploadTooLargeException">The context is larger than <c>Database:MaxContextBytes</c>.</exception>
    /// <exception cref="ActionRefusedException">
    /// The caller may not submit, or asks for network that <c>Security:NetworkRoles</c> does not give its role, by its
    /// claims or as the database stands now (whatever an open page or cookie remembers).
    /// </exception>
    public async Task<long> SubmitAsync(IntakeRequest request, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (request.RequestsNetwork && !security.Value.MayUseNetwork(caller))
        {
            throw new ActionRefusedException(Refusal.Forbidden,
                $"{request.SubmittedBy} may not give builds network: Security:NetworkRoles allows it to {string.Join(", ", security.Value.NetworkRoleList)}. Submit without 'network' or ask an admin.");
        }

        try
        {
            await callers.EnsureAsync(request.SubmittedBy, ICallerAuthorization.Builders, "submit experiments", cancellationToken);
            if (request.RequestsNetwork)
            {
                await callers.EnsureAsync(request.SubmittedBy, security.Value.NetworkRoleList, "give builds network (Security:NetworkRoles)", cancellationToken);
            }
        }
        catch (CallerNotAllowedException e)
        {
            throw new ActionRefusedException(Refusal.Forbidden, e.Message);
        }

        if (request.Upload.ArchivePath is not null && request.Upload.FileCount > 0)
        {
            throw new SubmissionRejectedException("Send either loose files or one context archive, not both.");
        }

        if (request.Upload.ArchivePath is null && request.Upload.FileCount == 0)
        {
            throw new SubmissionRejectedException("The upload is empty: send the build context as files or as one archive.");
        }

        // The rules of SubmissionRules, the same the form checks: the cheap ones before the context is written.
        if (SubmissionRules.FieldProblems(request.Project, request.Name, request.BuildArgs.Keys).FirstOrDefault() is { } fieldProblem)
        {
            throw new SubmissionRejectedException(fieldProblem);
        }

        var dockerfilePaths = request.Dockerfiles.Count > 0
            ? request.Dockerfiles.Select(NormalizePath).ToList()
            : DockerfileNaming.FindIterations(await ListUploadAsync(request.Upload, cancellationToken)).ToList();
        if (dockerfilePaths.Count == 0)
        {
            throw new SubmissionRejectedException(
                "The upload has no Dockerfile: add a file named Dockerfile, Dockerfile.<name> or <name>.Dockerfile, or list them in 'dockerfiles'.");
        }

        await CheckQueueQuotaAsync(request, dockerfilePaths.Count, cancellationToken);

        if (dockerfilePaths.Select(SubmissionRules.DockerfilePathProblem).FirstOrDefault(p => p is not null) is { } tooLong)
        {
            throw new SubmissionRejectedException(tooLong);
        }

        var tarPath = Path.Combine(request.Upload.WorkFolder, "context.tar");
        try
        {
            await WriteContextAsync(request, dockerfilePaths, tarPath, cancellationToken);
        }
        catch (BuildContextException e) when (e.TooLarge)
        {
            // An archive that expands past the limit (a zip bomb among them) is refused as too large while it expands.
            throw new UploadTooLargeException(e.Message, e);
        }
        catch (BuildContextException e)
        {
            throw new SubmissionRejectedException(e.Message, e);
        }

        var files = await ListFilesAsync(tarPath, dockerfilePaths, cancellationToken);

        var iterations = new List<IterationSubmission>();
        foreach (var path in dockerfilePaths)
        {
            if (!files.TryGetValue(path, out var text))
            {
                throw new SubmissionRejectedException($"The Dockerfile '{path}' is not in the build context.");
            }

            // Larger files are listed without their text; the limits are checked here for files, archives and the form alike.
            if (text is null)
            {
                throw new SubmissionRejectedException($"The Dockerfile '{path}' is larger than {DockerfileLimits.MaxBytes / 1024 / 1024} MB; a Dockerfile is a few kilobytes.");
            }

            if (DockerfileLimits.Check(text, path) is { } refusal)
            {
                throw new SubmissionRejectedException(refusal);
            }

            iterations.Add(new IterationSubmission(DockerfileNaming.IterationName(path), path, text));
        }

        if (SubmissionRules.IterationProblems(iterations).FirstOrDefault() is { } iterationProblem)
        {
            throw new SubmissionRejectedException(iterationProblem);
        }

        CheckReach(iterations, request.BuildArgs, request.RequestsNetwork);

        var submission = new ExperimentSubmission
        {
            Name = string.IsNullOrWhiteSpace(request.Name) ? $"{request.Project} {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm}" : request.Name.Trim(),
            Project = request.Project,
            SubmittedBy = request.SubmittedBy,
            Builder = request.Builder,
            BuildArgs = request.BuildArgs,
            SecretBuildArgs = request.SecretBuildArgs,
            RequestsNetwork = request.RequestsNetwork,
            Labels = request.Labels,
            Iterations = iterations,
        };
        var tar = File.OpenRead(tarPath);
        long id;
        await using (tar)
        {
            id = await commands.SubmitAsync(submission, tar, cancellationToken);
        }

        await audit.RecordAsync(request.SubmittedBy, AuditActions.ExperimentSubmitted, $"experiment {id}",
            $"'{submission.Name}' in project {submission.Project}, {iterations.Count} iterations{(request.RequestsNetwork ? ", network asked" : "")}", CancellationToken.None);
        return id;
    }

    // One member cannot fill the queue: counted when the experiment is submitted (two submissions at the same moment may both fit).
    private async Task CheckQueueQuotaAsync(IntakeRequest request, int iterations, CancellationToken cancellationToken)
    {
        var limits = security.Value;
        var waiting = await queries.CountWaitingIterationsAsync(request.SubmittedBy, request.Project, cancellationToken);
        if (waiting.OfSubmitter + iterations > limits.MaxWaitingIterationsPerUser)
        {
            throw new ActionRefusedException(Refusal.TooMany, string.Create(CultureInfo.InvariantCulture,
                $"{request.SubmittedBy} has {waiting.OfSubmitter} iterations waiting or building; {iterations} more would pass the limit of {limits.MaxWaitingIterationsPerUser} (Security:MaxWaitingIterationsPerUser). Submit again when some have finished."));
        }

        if (waiting.OfProject + iterations > limits.MaxWaitingIterationsPerProject)
        {
            throw new ActionRefusedException(Refusal.TooMany, string.Create(CultureInfo.InvariantCulture,
                $"The project {request.Project} has {waiting.OfProject} iterations waiting or building; {iterations} more would pass the limit of {limits.MaxWaitingIterationsPerProject} (Security:MaxWaitingIterationsPerProject). Submit again when some have finished."));
        }
    }

    // The engine itself fetches ADD URLs, '# syntax=' frontends and BUILDKIT_SYNTAX images, whatever the RUN steps'
    // network mode: without 'network' they are refused here, naming the line. Images outside Security:AllowedBaseImages
    // are refused either way. (Images the engine does not hold are refused by the worker, on the engine that builds.)
    private void CheckReach(IEnumerable<IterationSubmission> iterations, IReadOnlyDictionary<string, string> buildArgs, bool network)
    {
        foreach (var iteration in iterations)
        {
            var document = DockerfileParser.Parse(iteration.DockerfileText, buildArgs);
            if (NetworkReach.ImagesOf(document).FirstOrDefault(i => !security.Value.AllowsBaseImage(i.Image)) is { Image: not null } refused)
            {
                throw new SubmissionRejectedException(
                    $"{iteration.DockerfilePath} line {refused.Line} uses the image {refused.Image}, which Security:AllowedBaseImages does not allow " +
                    $"(allowed: {string.Join(", ", security.Value.AllowedBaseImageList)}).");
            }

            var reach = network ? [] : NetworkReach.Find(document, buildArgs);
            if (reach.Count > 0)
            {
                throw new SubmissionRejectedException(
                    $"{iteration.DockerfilePath} reaches the network, and this experiment did not ask for network: {string.Join("; ", reach)}. " +
                    "Remove it, or submit with 'network' (allowed to the roles in Security:NetworkRoles).");
            }
        }
    }

    private async Task WriteContextAsync(IntakeRequest request, IReadOnlyList<string> dockerfiles, string tarPath, CancellationToken cancellationToken)
    {
        var upload = request.Upload;
        var overrides = request.DockerfileOverrides.ToDictionary(o => NormalizePath(o.Key), o => o.Value, StringComparer.Ordinal);
        var contextOptions = new BuildContextOptions { DockerfilePaths = dockerfiles, MaxTotalBytes = options.Value.MaxContextBytes };
        if (upload.ArchivePath is { } archive && overrides.Count > 0)
        {
            // The archive as it is (its own Dockerfiles kept), then the edited Dockerfiles laid over it.
            var archived = dockerfiles.Where(d => !overrides.ContainsKey(d)).ToList();
            if (archived.Count == 0)
            {
                archived = DockerfileNaming.FindIterations(await ListUploadAsync(upload, cancellationToken)).Take(1).ToList();
            }

            if (archived.Count == 0)
            {
                throw new SubmissionRejectedException("The archive holds no Dockerfile of its own: add one to it, or upload the files instead of the archive.");
            }

            var basePath = tarPath + ".archive";
            var baseTar = File.Create(basePath);
            await using (baseTar)
            {
                await BuildContextWriter.WriteArchiveAsync(archive, baseTar, contextOptions with { DockerfilePaths = archived }, cancellationToken);
            }

            await OverlayAsync(basePath, overrides, tarPath, cancellationToken);
            File.Delete(basePath);
            return;
        }

        var output = File.Create(tarPath);
        await using (output)
        {
            if (upload.ArchivePath is { } archivePath)
            {
                await BuildContextWriter.WriteArchiveAsync(archivePath, output, contextOptions, cancellationToken);
            }
            else
            {
                await BuildContextWriter.WriteDirectoryAsync(upload.FilesFolder, output, contextOptions, cancellationToken);
            }
        }
    }

    // Copies the context tar, leaving out the overridden paths, and writes the overriding texts at its end.
    private static async Task OverlayAsync(string sourceTar, Dictionary<string, string> overrides, string tarPath, CancellationToken cancellationToken)
    {
        var source = File.OpenRead(sourceTar);
        var output = File.Create(tarPath);
        await using (source)
        await using (output)
        {
            using var reader = new TarReader(source);
            var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
            await using (writer)
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    if (!overrides.ContainsKey(NormalizePath(entry.Name)))
                    {
                        await writer.WriteEntryAsync(entry, cancellationToken);
                    }
                }

                foreach (var (path, text) in overrides)
                {
                    using var data = new MemoryStream(Encoding.UTF8.GetBytes(text));
                    var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
                    {
                        DataStream = data,
                        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                        ModificationTime = DateTimeOffset.UnixEpoch,
                    };
                    await writer.WriteEntryAsync(entry, cancellationToken);
                }
            }
        }
    }

    private async Task<IReadOnlyList<string>> ListUploadAsync(SpooledUpload upload, CancellationToken cancellationToken)
    {
        if (upload.ArchivePath is { } archive)
        {
            try
            {
                return (await BuildContextWriter.ListArchiveAsync(archive, options.Value.MaxContextBytes, cancellationToken)).Select(NormalizePath).ToList();
            }
            catch (BuildContextException e) when (e.TooLarge)
            {
                throw new UploadTooLargeException(e.Message, e);
            }
            catch (BuildContextException e)
            {
                throw new SubmissionRejectedException(e.Message, e);
            }
        }

        return Directory.EnumerateFiles(upload.FilesFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(upload.FilesFolder, f).Replace('\\', '/'))
            .ToList();
    }

    // Every regular file's path, with the text of the Dockerfiles (those within DockerfileLimits.MaxBytes).
    private static async Task<Dictionary<string, string?>> ListFilesAsync(string tarPath, IReadOnlyList<string> dockerfiles, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        var stream = File.OpenRead(tarPath);
        await using (stream)
        {
            using var reader = new TarReader(stream);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                var path = NormalizePath(entry.Name);
                string? text = null;
                if (entry.DataStream is { } data && entry.Length <= DockerfileLimits.MaxBytes && dockerfiles.Contains(path))
                {
                    using var textReader = new StreamReader(data, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
                    text = await textReader.ReadToEndAsync(cancellationToken);
                }

                files[path] = text;
            }
        }

        return files;
    }

    private static string NormalizePath(string path) => ContextPath.Clean(path);
}
