namespace Medarbejdergrundlag.Content.Data;

/// <summary>
/// The single row whose <see cref="Value"/> grows by one with every publish. Instances compare it
/// with the value their in-memory snapshot was loaded at; see <see cref="Publishing.ContentVersion"/>.
/// </summary>
public class ContentVersionStamp
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
