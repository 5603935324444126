using System.Text.Json;
using ImageLab.Core.Contracts;
using ImageLab.Core.Dockerfiles;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ImageLab.Web.Api;

/// <summary>
/// <c>POST /api/dockerfiles/analyze</c>: the advisor's findings and the stages of a Dockerfile sent as text/plain, or
/// as JSON <c>{ "dockerfile": "...", "contextFiles": [ { "path": "...", "sizeBytes": 0 } ], "target": null }</c>.
/// A public contract: keep the names.
/// </summary>
public static class DockerfilesApi
{
    /// <summary>The largest body accepted; a Dockerfile is a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly DockerfileAdvisor Advisor = new();

    public static IEndpointRouteBuilder MapDockerfilesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/dockerfiles").WithTags("Dockerfiles");
        group.MapPost("/analyze", AnalyzeAsync).DisableAntiforgery()
            .Accepts<DockerfileAnalyzeRequest>("application/json", "text/plain")
            .Produces<DockerfileAnalysisResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return endpoints;
    }

    private static async Task<IResult> AnalyzeAsync(HttpRequest request, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        DockerfileAnalyzeRequest analyze;
        if (request.HasJsonContentType())
        {
            try
            {
                analyze = JsonSerializer.Deserialize<DockerfileAnalyzeRequest>(body, json.Value.SerializerOptions)
                    ?? throw new JsonException("The body is null.");
            }
            catch (JsonException e)
            {
                return Problems.BadRequest($"The body is not the expected JSON {{ \"dockerfile\": \"...\", \"contextFiles\": [...] }}: {e.Message}");
            }
        }
        else
        {
            analyze = new DockerfileAnalyzeRequest(System.Text.Encoding.UTF8.GetString(body));
        }

        if (Validate(analyze) is { } problem)
        {
            return Problems.BadRequest(problem);
        }

        var options = new DockerfileAdvisorOptions { ContextFiles = analyze.ContextFiles, Target = analyze.Target };
        var analysis = Advisor.Analyze(analyze.Dockerfile!, options);
        return Results.Ok(new DockerfileAnalysisResponse(
            [.. analysis.Findings.Select(DockerfileFindingResponse.From)],
            [.. analysis.Document.Stages.Select(DockerfileStageResponse.From)]));
    }

    private static string? Validate(DockerfileAnalyzeRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Dockerfile))
        {
            return "Send the Dockerfile: as the text/plain body, or as \"dockerfile\" in a JSON body.";
        }

        if (DockerfileLimits.Check(request.Dockerfile) is { } refusal)
        {
            return refusal;
        }

        foreach (var file in request.ContextFiles ?? [])
        {
            if (file is null || string.IsNullOrWhiteSpace(file.Path) || file.SizeBytes < 0)
            {
                return "Every context file needs a \"path\" and a \"sizeBytes\" of 0 or more.";
            }
        }

        return null;
    }

    /// <summary>The body, or <see langword="null"/> when it is longer than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge() =>
        Problems.TooLarge($"The Dockerfile is larger than {ByteSize.Format(MaxBodyBytes)}; send the Dockerfile itself, not the build context.");
}
