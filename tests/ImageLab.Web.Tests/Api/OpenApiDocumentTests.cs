using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageLab.Web.Tests.Infrastructure;
using Json.Schema;

namespace ImageLab.Web.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> describes what the API really answers: real answers of the running app (its database and the
/// test engine) are checked against the response schemas of the document, with undeclared properties counted as errors.
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.QueuedOnlyFactory factory) : IClassFixture<OpenApiDocumentTests.QueuedOnlyFactory>
{
    private const string Dockerfile = "FROM busybox\nRUN echo hi\nRUN echo again\n";

    [Fact]
    public async Task Document_Served_DescribesTheBearerScheme()
    {
        // Act
        var document = await GetDocumentAsync();

        // Assert
        var scheme = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]!["Bearer"]);
        Assert.All(document["paths"]!.AsObject(), path => Assert.StartsWith("/api/", path.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_WithoutCredentials_401ForPrograms()
    {
        using var anonymous = factory.CreateClientWithToken(null, followRedirects: false);

        using var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RealAnswers_EveryOne_MatchesItsResponseSchema()
    {
        // Arrange
        var document = await GetDocumentAsync();
        var client = factory.CreateClient();
        var failures = new List<string>();

        // Act: the answers a CI integration reads, successes and problems.
        using var submitted = await client.PostAsync(
            new Uri("/api/experiments", UriKind.Relative), ExperimentUpload.FromFiles([("Dockerfile.a", Dockerfile), ("Dockerfile.b", Dockerfile)], ("project", "openapi")));
        var experiment = await CheckAsync(document, submitted, "/api/experiments", "post", failures);
        var id = experiment.GetProperty("id").GetInt64();
        var iterationId = experiment.GetProperty("iterations")[0].GetProperty("id").GetInt64();
        await CheckAsync(document, await client.GetAsync(Relative($"/api/experiments/{id}")), "/api/experiments/{id}", "get", failures);
        await CheckAsync(document, await client.GetAsync(Relative("/api/experiments?project=openapi")), "/api/experiments", "get", failures);
        await CheckAsync(document, await client.GetAsync(Relative("/api/experiments/987654")), "/api/experiments/{id}", "get", failures);
        await CheckAsync(document, await client.GetAsync(Relative($"/api/iterations/{iterationId}/analysis")), "/api/iterations/{id}/analysis", "get", failures);
        await CheckAsync(document, await client.PostAsync(Relative($"/api/experiments/{id}/iterations/{iterationId}/cancel"), null),
            "/api/experiments/{id}/iterations/{iterationId}/cancel", "post", failures);
        await CheckAsync(document, await client.PostAsJsonAsync(Relative("/api/dockerfiles/analyze"), new { dockerfile = Dockerfile }),
            "/api/dockerfiles/analyze", "post", failures);
        await CheckAsync(document, await client.PostAsync(Relative("/api/dockerfiles/analyze"), new StringContent(" ", Encoding.UTF8, "text/plain")),
            "/api/dockerfiles/analyze", "post", failures);
        await CheckAsync(document, await client.GetAsync(Relative("/api/engine/disk-usage")), "/api/engine/disk-usage", "get", failures);
        await CheckAsync(document, await client.GetAsync(Relative("/api/audit?pageSize=5")), "/api/audit", "get", failures);
        await CheckAsync(document, await client.GetAsync(Relative("/api/audit?page=0")), "/api/audit", "get", failures);

        // Assert
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task SchemaCheck_UndeclaredPropertyOrWrongType_Fails()
    {
        // Arrange: the check itself must bite, or a green run above proves nothing.
        var document = await GetDocumentAsync();
        var undeclared = new List<string>();
        var wrongType = new List<string>();

        // Act
        await CheckAsync(document, Answer("""{ "findings": [], "stages": [], "score": 1 }"""), "/api/dockerfiles/analyze", "post", undeclared);
        await CheckAsync(document, Answer("""{ "findings": "none", "stages": [] }"""), "/api/dockerfiles/analyze", "post", wrongType);

        // Assert
        Assert.NotEmpty(undeclared);
        Assert.Contains(wrongType, f => f.Contains("/findings", StringComparison.Ordinal));
    }

    private static HttpResponseMessage Answer(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private async Task<JsonNode> GetDocumentAsync()
    {
        using var response = await factory.CreateClient().GetAsync(Relative("/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Checks the answer against the document's schema for its path, method and status; returns its body.</summary>
    private static async Task<JsonElement> CheckAsync(JsonNode document, HttpResponseMessage response, string path, string method, List<string> failures)
    {
        using (response)
        {
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var where = $"{method.ToUpperInvariant()} {path} {status}";
            if (document["paths"]?[path] is null)
            {
                failures.Add($"{where}: the document has no path {path}; it has {string.Join(", ", document["paths"]!.AsObject().Select(p => p.Key))}.");
                return body;
            }

            var declared = document["paths"]?[path]?[method]?["responses"]?[status];
            if (declared?["content"]?.AsObject() is not { Count: > 0 } content)
            {
                failures.Add($"{where}: the document declares no JSON answer for this status.");
                return body;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!content.ContainsKey(mediaType))
            {
                failures.Add($"{where}: answered {mediaType}; the document declares {string.Join(", ", content.Select(c => c.Key))}.");
                return body;
            }

            var results = SchemaFor(document, content[mediaType]!["schema"]!).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!results.IsValid)
            {
                failures.AddRange((results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .Select(d => $"{where}: {d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
            }

            return body;
        }
    }

    /// <summary>
    /// The response schema with the document's component schemas as <c>$defs</c>; our own object schemas are closed
    /// (<c>additionalProperties: false</c>) so that a property the document does not declare is an error too.
    /// </summary>
    private static JsonSchema SchemaFor(JsonNode document, JsonNode schema)
    {
        var definitions = document["components"]?["schemas"]?.DeepClone().AsObject() ?? [];
        foreach (var (name, definition) in definitions)
        {
            if (!name.Contains("ProblemDetails", StringComparison.Ordinal) && definition is JsonObject objectSchema)
            {
                Close(objectSchema);
            }
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions,
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        return JsonSchema.FromText(root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
    }

    private static void Close(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            schema.TryAdd("additionalProperties", false);
            foreach (var (_, property) in properties)
            {
                if (property is JsonObject propertySchema)
                {
                    Close(propertySchema);
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Close(items);
        }
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    /// <summary>The worker is off: submitted experiments stay queued, nothing is built.</summary>
    public sealed class QueuedOnlyFactory : ImageLabWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Worker:Enabled"] = "false" };
    }
}
