using Json.Schema;

namespace ImageLab.Web.Tests.Deployment;

/// <summary>
/// Minimal hand-written JSON schemas of the Kubernetes kinds in <c>deploy/kubernetes</c> (no internet for
/// the official ones): the fields Kubernetes requires, plus what ImageLab requires of its own containers
/// (image, <c>/healthz</c> probes, resource limits).
/// </summary>
public static class KubernetesSchemas
{
    private const string Common = """
        "apiVersion": { "type": "string", "minLength": 1 },
        "kind": { "type": "string", "minLength": 1 },
        "metadata": {
          "type": "object",
          "required": ["name"],
          "properties": {
            "name": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63 },
            "namespace": { "const": "imagelab" },
            "labels": { "type": "object", "additionalProperties": { "type": "string" } }
          }
        }
        """;

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["Namespace"] = $$"""
            { "type": "object", "required": ["apiVersion", "kind", "metadata"],
              "properties": { {{Common}}, "apiVersion": { "const": "v1" } } }
            """,
        ["Secret"] = $$"""
            { "type": "object", "required": ["apiVersion", "kind", "metadata"],
              "properties": { {{Common}}, "apiVersion": { "const": "v1" },
                "type": { "type": "string" },
                "stringData": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "string" } },
                "data": { "type": "object", "additionalProperties": { "type": "string" } } },
              "anyOf": [ { "required": ["stringData"] }, { "required": ["data"] } ] }
            """,
        ["Service"] = $$"""
            { "type": "object", "required": ["apiVersion", "kind", "metadata", "spec"],
              "properties": { {{Common}}, "apiVersion": { "const": "v1" },
                "spec": { "type": "object", "required": ["selector", "ports"],
                  "properties": {
                    "selector": { "type": "object", "minProperties": 1, "additionalProperties": { "type": "string" } },
                    "sessionAffinity": { "enum": ["None", "ClientIP"] },
                    "ports": { "type": "array", "minItems": 1, "items": { "type": "object", "required": ["port"],
                      "properties": { "port": { "type": "integer", "minimum": 1, "maximum": 65535 },
                        "targetPort": { "type": ["integer", "string"] }, "name": { "type": "string" } } } } } } } }
            """,
        ["Kustomization"] = $$"""
            { "type": "object", "required": ["apiVersion", "kind", "resources"],
              "properties": { "apiVersion": { "const": "kustomize.config.k8s.io/v1beta1" },
                "resources": { "type": "array", "minItems": 1, "items": { "type": "string" } } } }
            """,
        ["Deployment"] = $$"""
            { "type": "object", "required": ["apiVersion", "kind", "metadata", "spec"],
              "properties": { {{Common}}, "apiVersion": { "const": "apps/v1" },
                "spec": { "type": "object", "required": ["selector", "template"],
                  "properties": {
                    "replicas": { "type": "integer", "minimum": 0 },
                    "selector": { "type": "object", "required": ["matchLabels"] },
                    "template": { "type": "object", "required": ["metadata", "spec"],
                      "properties": {
                        "metadata": { "type": "object", "required": ["labels"] },
                        "spec": { "type": "object", "required": ["containers"],
                          "properties": {
                            "containers": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/container" } },
                            "volumes": { "type": "array", "items": { "type": "object", "required": ["name"] } } } } } } } } },
              "$defs": {
                "quantity": { "type": ["string", "integer"], "pattern": "^[0-9.]+(m|Ki|Mi|Gi|Ti|k|M|G|T)?$" },
                "resources": { "type": "object", "required": ["requests", "limits"],
                  "properties": {
                    "requests": { "type": "object", "required": ["cpu", "memory"], "additionalProperties": { "$ref": "#/$defs/quantity" } },
                    "limits": { "type": "object", "required": ["cpu", "memory"], "additionalProperties": { "$ref": "#/$defs/quantity" } } } },
                "probe": { "type": "object",
                  "oneOf": [ { "required": ["httpGet"] }, { "required": ["tcpSocket"] }, { "required": ["exec"] }, { "required": ["grpc"] } ],
                  "properties": {
                    "httpGet": { "type": "object", "required": ["path", "port"] },
                    "periodSeconds": { "type": "integer", "minimum": 1 },
                    "failureThreshold": { "type": "integer", "minimum": 1 } } },
                "healthz": { "allOf": [ { "$ref": "#/$defs/probe" },
                  { "required": ["httpGet"], "properties": { "httpGet": { "properties": { "path": { "const": "/healthz" } } } } } ] },
                "container": { "type": "object", "required": ["name", "image", "resources"],
                  "properties": {
                    "name": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
                    "image": { "type": "string", "minLength": 1 },
                    "args": { "type": "array", "items": { "type": "string" } },
                    "resources": { "$ref": "#/$defs/resources" },
                    "livenessProbe": { "$ref": "#/$defs/probe" },
                    "readinessProbe": { "$ref": "#/$defs/probe" },
                    "startupProbe": { "$ref": "#/$defs/probe" },
                    "ports": { "type": "array", "items": { "type": "object", "required": ["containerPort"],
                      "properties": { "containerPort": { "type": "integer", "minimum": 1, "maximum": 65535 } } } },
                    "env": { "type": "array", "items": { "type": "object", "required": ["name"],
                      "properties": { "name": { "type": "string" }, "value": { "type": "string" } } } } },
                  "if": { "properties": { "name": { "enum": ["web", "worker"] } } },
                  "then": { "required": ["readinessProbe", "livenessProbe", "startupProbe", "args"],
                    "properties": { "readinessProbe": { "$ref": "#/$defs/healthz" }, "livenessProbe": { "$ref": "#/$defs/healthz" },
                      "startupProbe": { "$ref": "#/$defs/healthz" } } } } } }
            """,
    };

    public static IReadOnlyCollection<string> Kinds => Texts.Keys;

    public static JsonSchema For(string kind) =>
        Texts.TryGetValue(kind, out var text)
            ? JsonSchema.FromText(text)
            : throw new InvalidOperationException($"deploy/kubernetes holds a {kind}, which the schema check does not know: add a schema for it.");
}
