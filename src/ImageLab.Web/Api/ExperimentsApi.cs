using System.Globalization;
using System.Text;
using ImageLab.Core.Builds;
using ImageLab.Core.Contracts;
using ImageLab.Core.Experiments;
using ImageLab.Data;
using ImageLab.Data.Events;
using ImageLab.Data.Hosting;
using ImageLab.Web.Authentication;
using ImageLab.Web.Hosting;
using ImageLab.Web.Intake;
using ImageLab.Web.UseCases;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ImageLab.Web.Api;

/// <summary><c>/api/experiments</c>: submit, read, list, cancel, logs. A public contract: keep the names.</summary>
public static class ExperimentsApi
{
    private const long MultipartAllowanceBytes = 16 * 1024 * 1024;
    private const string PatchContentType = "text/x-diff";
    private const string PatchFileName = "imagelab.patch";

    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/experiments").WithTags("Experiments");
        // Antiforgery guards the pages' forms; this endpoint is for programs and takes no cookie-bound form.
        group.MapPost("/", SubmitAsync).DisableAntiforgery().RequireRateLimiting(SubmissionRateLimit.PolicyName)
            .RequireAuthorization(ImageLabPolicies.Builders)
            .Produces<ExperimentDetails>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/", ListAsync).Produces<Page<ExperimentSummary>>().ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:long}", GetAsync).Produces<ExperimentDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/cancel", CancelAsync).RequireAuthorization(ImageLabPolicies.Builders)
            .Produces<ExperimentDetails>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/iterations/{iterationId:long}/cancel", CancelIterationAsync).RequireAuthorization(ImageLabPolicies.Builders)
            .Produces<ExperimentDetails>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/iterations/{iterationId:long}/suggestion", SuggestAsync).RequireAuthorization(ImageLabPolicies.Builders)
            .Produces<SuggestionResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:long}/iterations/{iterationId:long}/patch", PatchAsync)
            .Produces<string>(StatusCodes.Status200OK, PatchContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/iterations/{iterationId:long}/dockerignore", DockerIgnoreAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/plain").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:long}/iterations/{iterationId:long}/log", LogAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, string? wait, ExperimentIntake intake, ExperimentEndWaiter ending, ExperimentAdvice advice, IOptions<DatabaseOptions> options,
        CancellationToken cancellationToken)
    {
        if (!TryReadWait(wait, out var waitFor, out var waitProblem))
        {
            return Problems.BadRequest(waitProblem!);
        }

        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Problems.BadRequest("Send the experiment as multipart/form-data with the build context in 'files' or 'context' parts.");
        }

        // The context limit is enforced while streaming, with a sentence; the server's own body limit, set just above it
        // (multipart headers and fields), bounds what it reads and drops of a refused upload before it closes the connection.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = options.Value.MaxContextBytes + MultipartAllowanceBytes;
        }

        using var upload = SpooledUpload.Create();
        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await ReadMultipartAsync(request.Body, boundary, upload, fields, options.Value.MaxContextBytes, cancellationToken);
            var intakeRequest = new IntakeRequest
            {
                Upload = upload,
                Name = First(fields, "name"),
                Project = First(fields, "project") is { Length: > 0 } project ? project.Trim() : "default",
                // The submitter is whoever signed in or owns the token; a 'submittedBy' field is ignored.
                SubmittedBy = request.HttpContext.User.Identity?.Name ?? "",
                Builder = ParseBuilder(First(fields, "builder")),
                Dockerfiles = fields.GetValueOrDefault("dockerfiles") ?? [],
                BuildArgs = ParseBuildArgs(fields.GetValueOrDefault("buildArgs") ?? []),
                SecretBuildArgs = [.. (fields.GetValueOrDefault("secretBuildArgs") ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                RequestsNetwork = ParseFlag(First(fields, "network"), "network"),
                Labels = ExperimentLabels.Parse(fields.GetValueOrDefault("label") ?? []),
                Check = CheckCommandJson.ReadField(First(fields, "check")),
            };
            var id = await intake.SubmitAsync(intakeRequest, request.HttpContext.User, cancellationToken);
            if (waitFor > TimeSpan.Zero)
            {
                await ending.WaitAsync(id, waitFor, cancellationToken);
            }

            return Results.Created($"/api/experiments/{id}", await advice.GetWithFindingsAsync(id, cancellationToken));
        }
        catch (SubmissionRejectedException e)
        {
            return Problems.BadRequest(e.Message);
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Message);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge(new UploadTooLargeException(options.Value.MaxContextBytes).Message);
        }
    }

    private static async Task ReadMultipartAsync(
        Stream body, string boundary, SpooledUpload upload, Dictionary<string, List<string>> fields, long maxBytes, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body);
        MultipartSection? section;
        try
        {
            section = await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new SubmissionRejectedException($"The upload could not be read as multipart/form-data: {e.Message}", e);
        }

        while (section is not null)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                    ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                if (fileName is null)
                {
                    var value = await upload.ReadFieldAsync(name, section.Body, maxBytes, cancellationToken);
                    (fields.TryGetValue(name, out var list) ? list : fields[name] = []).Add(value);
                }
                else if (name.Equals("context", StringComparison.OrdinalIgnoreCase))
                {
                    await upload.SetArchiveAsync(fileName, section.Body, maxBytes, cancellationToken);
                }
                else if (name.Equals("files", StringComparison.OrdinalIgnoreCase))
                {
                    await upload.AddFileAsync(fileName, section.Body, maxBytes, cancellationToken);
                }
                else
                {
                    throw new SubmissionRejectedException($"The file part '{name}' is not understood: send files as 'files' and an archive as 'context'.");
                }
            }

            section = await reader.ReadNextSectionAsync(cancellationToken);
        }
    }

    private static async Task<IResult> GetAsync(
        long id, string? wait, ExperimentAdvice advice, ExperimentEndWaiter ending, CancellationToken cancellationToken)
    {
        if (!TryReadWait(wait, out var waitFor, out var problem))
        {
            return Problems.BadRequest(problem!);
        }

        if (waitFor > TimeSpan.Zero)
        {
            await ending.WaitAsync(id, waitFor, cancellationToken);
        }

        return await advice.GetWithFindingsAsync(id, cancellationToken) is { } experiment
            ? Results.Ok(experiment)
            : Problems.NotFound($"There is no experiment {id}.");
    }

    // ?wait=<seconds>: answer once the experiment has ended (every iteration built, failed or cancelled), or when the
    // seconds run out, with the experiment as it stands; a CI job gets its sizes in one request instead of polling.
    private static bool TryReadWait(string? value, out TimeSpan wait, out string? problem)
    {
        wait = TimeSpan.Zero;
        problem = null;
        if (value is null)
        {
            return true;
        }

        var most = (int)ExperimentEndWaiter.MaxWait.TotalSeconds;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > most)
        {
            problem = $"wait is a number of seconds from 0 to {most}, like wait=120: the answer comes when the experiment has ended or when they run out.";
            return false;
        }

        wait = TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static async Task<IResult> ListAsync(
        IExperimentQueries queries, string? project, string? submittedBy, string? status, int? page, int? pageSize,
        string? older, string? newer, bool? oldest, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize, ExperimentFilter.MaxPageSize) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        ExperimentStatus? statusFilter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ExperimentStatus>(status, ignoreCase: true, out var parsed))
            {
                return Problems.BadRequest($"Unknown status '{status}': use one of {string.Join(", ", Enum.GetNames<ExperimentStatus>())}.");
            }

            statusFilter = parsed;
        }

        if (!TryReadCursor(older, "older", out var olderThan, out var cursorProblem) || !TryReadCursor(newer, "newer", out var newerThan, out cursorProblem))
        {
            return Problems.BadRequest(cursorProblem!);
        }

        var filter = new ExperimentFilter(project, submittedBy, statusFilter, PageNumber: page ?? 1, PageSize: pageSize ?? 20)
        {
            OlderThan = olderThan,
            NewerThan = newerThan,
            Oldest = oldest ?? false,
        };
        return Results.Ok(await queries.ListExperimentsAsync(filter, cancellationToken));
    }

    // The page's "older" and "newer" tokens come back as they were handed out; anything else is refused in a sentence.
    private static bool TryReadCursor(string? token, string name, out ExperimentCursor? cursor, out string? problem)
    {
        problem = null;
        cursor = null;
        if (token is null || ExperimentCursor.TryParse(token, out cursor))
        {
            return true;
        }

        problem = $"{name} is a page token from a previous answer's \"{name}\" field, like 639012345678901234.42.";
        return false;
    }

    private static async Task<IResult> CancelAsync(
        long id, ExperimentActions actions, IExperimentQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            await actions.CancelExperimentAsync(id, http.User, cancellationToken);
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }

        return Results.Accepted($"/api/experiments/{id}", await queries.GetExperimentAsync(id, cancellationToken));
    }

    private static async Task<IResult> CancelIterationAsync(
        long id, long iterationId, ExperimentActions actions, IExperimentQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            await actions.CancelIterationAsync(id, iterationId, http.User, cancellationToken);
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }

        return Results.Accepted($"/api/experiments/{id}", await queries.GetExperimentAsync(id, cancellationToken));
    }

    private static async Task<IResult> SuggestAsync(
        long id, long iterationId, IterationSuggestions suggestions, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            var suggested = await suggestions.SuggestAsync(id, iterationId, http.User, cancellationToken);
            return Results.Created($"/api/experiments/{id}", SuggestionResponse.From(id, suggested));
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
    }

    private static async Task<IResult> PatchAsync(long id, long iterationId, IterationSuggestions suggestions, CancellationToken cancellationToken)
    {
        try
        {
            var patch = await suggestions.GetPatchAsync(id, iterationId, cancellationToken);
            return Results.File(Encoding.UTF8.GetBytes(patch), PatchContentType, PatchFileName);
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
    }

    // The .dockerignore a suggested iteration was built with; 204 when it builds with its context's own.
    private static async Task<IResult> DockerIgnoreAsync(long id, long iterationId, IterationSuggestions suggestions, CancellationToken cancellationToken)
    {
        try
        {
            return await suggestions.GetDockerIgnoreAsync(id, iterationId, cancellationToken) is { } change
                ? Results.Text(change.After, "text/plain", Encoding.UTF8)
                : Results.NoContent();
        }
        catch (ActionRefusedException e)
        {
            return Problems.Refused(e);
        }
    }

    private static async Task<IResult> LogAsync(long id, long iterationId, IExperimentQueries queries, HttpResponse response, CancellationToken cancellationToken)
    {
        var lines = await queries.OpenLogAsync(id, iterationId, cancellationToken);
        if (lines is null)
        {
            return Problems.NotFound($"There is no iteration {iterationId} in experiment {id}.");
        }

        return Results.Stream(async output =>
        {
            await using var writer = new StreamWriter(output, leaveOpen: true);
            await foreach (var line in lines.WithCancellation(cancellationToken))
            {
                await writer.WriteLineAsync(line);
            }
        }, "text/plain; charset=utf-8");
    }

    private static BuilderKind ParseBuilder(string? builder) => builder?.Trim().ToLowerInvariant() switch
    {
        null or "" or "buildkit" => BuilderKind.BuildKit,
        "classic" => BuilderKind.Classic,
        _ => throw new SubmissionRejectedException($"Unknown builder '{builder}': use 'buildkit' or 'classic'."),
    };

    private static bool ParseFlag(string? value, string field) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" or "no" or "none" => false,
        "true" or "1" or "yes" => true,
        _ => throw new SubmissionRejectedException($"The field '{field}' is '{value}': use true or false."),
    };

    private static Dictionary<string, string> ParseBuildArgs(IEnumerable<string> values)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SubmissionRejectedException($"The build argument '{value}' is not of the form NAME=value.");
            }

            var name = value[..equals].Trim();
            if (!args.TryAdd(name, value[(equals + 1)..]))
            {
                throw new SubmissionRejectedException(SubmissionRules.DuplicateBuildArg(name));
            }
        }

        return args;
    }

    private static string? First(Dictionary<string, List<string>> fields, string name) =>
        fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
