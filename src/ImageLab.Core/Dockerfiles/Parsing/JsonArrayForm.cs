using System.Text.Json;

namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>The JSON (exec) form of an instruction's arguments: <c>["a", "b"]</c>, strings only.</summary>
internal static class JsonArrayForm
{
    /// <summary>The array's strings, or <see langword="null"/> when <paramref name="text"/> is not a JSON array of strings.</summary>
    public static List<string>? TryParse(string text)
    {
        if (!text.TrimEnd().EndsWith(']'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var items = new List<string>();
            foreach (var element in json.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                items.Add(element.GetString() ?? "");
            }

            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
