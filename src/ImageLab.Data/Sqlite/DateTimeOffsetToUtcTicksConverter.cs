using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImageLab.Data.Sqlite;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks, so that SQLite can compare and order it (it cannot on its
/// default text form). Read back in UTC: the same instant, which is all ImageLab keeps.
/// </summary>
internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
