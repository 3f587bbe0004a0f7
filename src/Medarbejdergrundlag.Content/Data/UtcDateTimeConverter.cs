using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Medarbejdergrundlag.Content.Data;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
