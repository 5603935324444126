using System.Text.Json;
using System.Text.Json.Nodes;
using ImageLab.Testing;
using Json.Schema;

namespace ImageLab.Web.Tests.Deployment;

public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(TestEnvironment.RepositoryRoot, "deploy", "kubernetes");

    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Manifest_EachDocument_MatchesSchemaOfItsKind(string file)
    {
        // Arrange
        var documents = YamlDocuments.Load(Path.Combine(Folder, file));

        // Act
        var failures = documents.SelectMany(document =>
        {
            var kind = document["kind"]?.GetValue<string>() ?? "(no kind)";
            var results = KubernetesSchemas.For(kind).Evaluate(
                JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
            return results.IsValid
                ? []
                : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .Select(d => $"{kind} {document["metadata"]?["name"]}: {d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        }).ToList();

        // Assert
        Assert.NotEmpty(documents);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Deployments_SelectorsLabelsSecretsAndSettings_AgreeWithEachOtherAndTheApp()
    {
        // Arrange
        var all = Directory.EnumerateFiles(Folder, "*.yaml").SelectMany(YamlDocuments.Load).ToList();
        var secrets = all.Where(d => Kind(d) == "Secret").ToDictionary(d => Name(d), d => d["stringData"]!.AsObject().Select(p => p.Key).ToList());
        var deployments = all.Where(d => Kind(d) == "Deployment").ToList();
        var failures = new List<string>();

        // Act
        foreach (var deployment in deployments)
        {
            var name = Name(deployment);
            var selector = deployment["spec"]!["selector"]!["matchLabels"]!.AsObject();
            var labels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
            failures.AddRange(selector.Where(l => labels[l.Key]?.GetValue<string>() != l.Value!.GetValue<string>())
                .Select(l => $"{name}: selector {l.Key}={l.Value} does not match the pod template's labels."));
            foreach (var container in deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!.AsObject()))
            {
                if (container["name"]!.GetValue<string>() is not ("web" or "worker"))
                {
                    continue;
                }

                var args = container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
                var role = args.IndexOf("--role") is var at and >= 0 && at + 1 < args.Count ? args[at + 1] : null;
                if (role != container["name"]!.GetValue<string>())
                {
                    failures.Add($"{name}: container {container["name"]} runs --role {role ?? "(none)"}.");
                }

                failures.AddRange((container["env"]?.AsArray() ?? []).Select(e => ConfigurationKeys.Check(e!["name"]!.GetValue<string>()))
                    .OfType<string>().Select(f => $"{name}: {f}"));
                foreach (var source in container["envFrom"]?.AsArray() ?? [])
                {
                    var secret = source!["secretRef"]!["name"]!.GetValue<string>();
                    if (!secrets.TryGetValue(secret, out var keys))
                    {
                        failures.Add($"{name}: envFrom names the secret {secret}, which no manifest defines.");
                        continue;
                    }

                    failures.AddRange(keys.Select(ConfigurationKeys.Check).OfType<string>().Select(f => $"{name}: secret {secret}: {f}"));
                }
            }
        }

        foreach (var service in all.Where(d => Kind(d) == "Service"))
        {
            var selector = service["spec"]!["selector"]!.AsObject();
            if (!deployments.Any(d => selector.All(l => d["spec"]!["template"]!["metadata"]!["labels"]![l.Key]?.GetValue<string>() == l.Value!.GetValue<string>())))
            {
                failures.Add($"Service {Name(service)} selects no Deployment's pods.");
            }
        }

        // Assert
        Assert.Contains(deployments, d => Name(d) == "imagelab-web");
        Assert.Contains(deployments, d => Name(d) == "imagelab-worker");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Kustomization_Resources_AreFilesOfTheFolder()
    {
        // Arrange
        var kustomization = YamlDocuments.Load(Path.Combine(Folder, "kustomization.yaml")).Single();

        // Act
        var missing = kustomization["resources"]!.AsArray().Select(r => r!.GetValue<string>())
            .Where(r => !File.Exists(Path.Combine(Folder, r))).ToList();

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void Schema_DeploymentWithoutLimitsOrHealthProbe_IsRejected()
    {
        // Arrange: the schema check must catch what it claims to catch.
        var deployment = YamlDocuments.Load(Path.Combine(Folder, "web.yaml")).First(d => Kind(d) == "Deployment");
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject();
        container["resources"]!.AsObject().Remove("limits");
        container["readinessProbe"] = JsonNode.Parse("""{ "httpGet": { "path": "/", "port": 8080 } }""");

        // Act
        var results = KubernetesSchemas.For("Deployment").Evaluate(JsonSerializer.SerializeToElement(deployment), new EvaluationOptions { OutputFormat = OutputFormat.List });

        // Assert
        Assert.False(results.IsValid);
        var errors = string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}"));
        Assert.Contains("/resources", errors, StringComparison.Ordinal);
        Assert.Contains("/readinessProbe/httpGet/path", errors, StringComparison.Ordinal);
    }

    private static string Kind(JsonObject document) => document["kind"]?.GetValue<string>() ?? "";

    private static string Name(JsonObject document) => document["metadata"]?["name"]?.GetValue<string>() ?? "";
}
