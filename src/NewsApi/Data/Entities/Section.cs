namespace NewsApi.Data.Entities;

public sealed class Section
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public string? Description { get; set; }

    /// <summary>Order of the section in navigation.</summary>
    public int Position { get; set; }
}
