using System.Text.RegularExpressions;

namespace ImageLab.Core.Builds;

/// <summary>
/// Replaces the values of secret build arguments with <c>***</c> in text that is stored or shown: log lines,
/// error messages, layers' created-by. A build argument is secret when its name is listed as such or
/// contains TOKEN, PASSWORD, SECRET or KEY (any case).
/// </summary>
public sealed partial class SecretMasker
{
    public const string Mask = "***";

    private readonly string[] _values;

    private SecretMasker(IEnumerable<string> values) =>
        // Longest first, so that a secret containing another is masked whole.
        _values = [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)];

    /// <summary>A masker that changes nothing.</summary>
    public static SecretMasker None { get; } = new([]);

    public bool IsEmpty => _values.Length == 0;

    public static SecretMasker For(IReadOnlyDictionary<string, string> buildArgs, IEnumerable<string> secretNames)
    {
        ArgumentNullException.ThrowIfNull(buildArgs);
        var listed = new HashSet<string>(secretNames ?? [], StringComparer.Ordinal);
        return new SecretMasker(buildArgs.Where(a => listed.Contains(a.Key) || IsSecretName(a.Key)).Select(a => a.Value));
    }

    public static bool IsSecretName(string name) => SecretName().IsMatch(name ?? string.Empty);

    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var value in _values)
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    [GeneratedRegex("TOKEN|PASSWORD|SECRET|KEY", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();
}
