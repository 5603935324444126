using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ImageLab.Web.Tests.Deployment;

/// <summary>
/// Reads YAML files (one or many documents) as JSON, typing plain scalars the way YAML 1.2's core schema
/// does (numbers, booleans, null), so that a JSON schema can check them. Merge keys (<c>&lt;&lt;</c>) are applied.
/// </summary>
public static class YamlDocuments
{
    public static IReadOnlyList<JsonObject> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Where(d => d.RootNode is YamlMappingNode)
            .Select(d => (JsonObject)ToJson(d.RootNode)!)
            .ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "<<" && ToJson(value) is JsonObject merged)
            {
                foreach (var (mergedName, mergedValue) in merged)
                {
                    result[mergedName] ??= mergedValue?.DeepClone();
                }

                continue;
            }

            result[name] = ToJson(value);
        }

        return result;
    }

    private static JsonNode? ToScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when text.StartsWith("0o", StringComparison.Ordinal) => JsonValue.Create(Convert.ToInt64(text[2..], 8)),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !text.Contains(':', StringComparison.Ordinal) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }
}
