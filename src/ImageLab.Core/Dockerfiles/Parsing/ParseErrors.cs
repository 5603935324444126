namespace ImageLab.Core.Dockerfiles.Parsing;

/// <summary>The problems a parse finds, each with its 1-based line; the document lists them in line order.</summary>
internal sealed class ParseErrors
{
    private readonly List<DockerfileError> _errors = [];

    public void Add(int line, string message) => _errors.Add(new DockerfileError(line, message));

    public List<DockerfileError> InLineOrder()
    {
        _errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return _errors;
    }
}
