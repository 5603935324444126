using System.Globalization;
using System.Security.Claims;
using ImageLab.Core.BuildContexts;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;
using ImageLab.Core.Security;
using ImageLab.Data.Hosting;
using ImageLab.Data.Security;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;
using ImageLab.Web.UseCases;
using ImageLab.Worker.Telemetry;
using Microsoft.Extensions.Options;

namespace ImageLab.Web.Intake;

/// <summary>
/// Turns an upload (files spooled to a folder, or one archive) into a stored experiment: packages the
/// context as a tar on disk, finds the Dockerfiles and the check command (the request's, else the context's
/// <c>imagelab.json</c>), checks them against <see cref="SubmissionRules"/> and the caller's
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

        if (request.Upload.ArchivePath is null && request.Upload.FileCount == 0 && request.DockerfileOverrides.Count == 0)
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
            return await SubmitContextAsync(request, dockerfilePaths, tarPath, cancellationToken);
        }
        finally
        {
            File.Delete(tarPath);
        }
    }

    // Writes the context tar once, takes the Dockerfiles' texts from that write, checks them and stores the experiment.
    private async Task<long> SubmitContextAsync(IntakeRequest request, List<string> dockerfilePaths, string tarPath, CancellationToken cancellationToken)
    {
        BuildContextSummary context;
        try
        {
            context = await WriteContextAsync(request, dockerfilePaths, tarPath, cancellationToken);
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

        var iterations = new List<IterationSubmission>();
        foreach (var path in dockerfilePaths)
        {
            if (!context.DockerfileTexts.TryGetValue(path, out var text))
            {
                throw new SubmissionRejectedException($"The Dockerfile '{path}' is not in the build context.");
            }

            // Larger files are written without keeping their text; the limits are checked here for files, archives and the form alike.
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
        var check = request.Check ?? await ProjectFileReader.ReadCheckAsync(tarPath, cancellationToken);
        if (check is not null && SubmissionRules.CheckProblem(check) is { } checkProblem)
        {
            throw new SubmissionRejectedException(checkProblem);
        }

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
            Check = check,
            Iterations = iterations,
        };
        var tar = File.OpenRead(tarPath);
        long id;
        await using (tar)
        using (ImageLabTelemetry.Source.StartActivity("imagelab.submit"))
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

    // One pass: the archive or the folder, with the Dockerfiles edited on the New experiment page in place of their files.
    private async Task<BuildContextSummary> WriteContextAsync(IntakeRequest request, IReadOnlyList<string> dockerfiles, string tarPath, CancellationToken cancellationToken)
    {
        var contextOptions = new BuildContextOptions
        {
            DockerfilePaths = dockerfiles,
            DockerfileTexts = request.DockerfileOverrides.ToDictionary(o => NormalizePath(o.Key), o => o.Value, StringComparer.Ordinal),
            MaxTotalBytes = options.Value.MaxContextBytes,
        };
        var output = File.Create(tarPath);
        await using (output)
        {
            return request.Upload.ArchivePath is { } archivePath
                ? await BuildContextWriter.WriteArchiveAsync(archivePath, output, contextOptions, cancellationToken)
                : await BuildContextWriter.WriteDirectoryAsync(request.Upload.FilesFolder, output, contextOptions, cancellationToken);
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

    private static string NormalizePath(string path) => ContextPath.Clean(path);
}
