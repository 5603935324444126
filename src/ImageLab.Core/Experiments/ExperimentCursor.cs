using System.Globalization;

namespace ImageLab.Core.Experiments;

/// <summary>
/// A place in the history's order (newest first: creation time, then id): where keyset paging continues, so that the
/// 2,500th page costs what the first does. <see cref="Token"/> is its form in links and in the API.
/// </summary>
public sealed record ExperimentCursor(DateTimeOffset CreatedAt, long Id)
{
    // Ticks (19 digits), a dot and an id (19 digits): anything longer is not a token.
    private const int MaxTokenLength = 40;

    /// <summary>The cursor of a row of the history.</summary>
    public static ExperimentCursor Of(ExperimentSummary row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ExperimentCursor(row.CreatedAt, row.Id);
    }

    /// <summary>The creation time's UTC ticks and the id, e.g. <c>639012345678901234.4711</c>.</summary>
    public string Token => string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}.{Id}");

    /// <summary>Reads a <see cref="Token"/>; false for anything else (a client's text is bounded before it is parsed).</summary>
    public static bool TryParse(string? token, out ExperimentCursor? cursor)
    {
        cursor = null;
        if (token is null || token.Length > MaxTokenLength || token.Split('.') is not [var ticksText, var idText])
        {
            return false;
        }

        if (!long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        cursor = new ExperimentCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
