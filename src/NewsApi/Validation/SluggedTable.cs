namespace NewsApi.Validation;

/// <summary>The tables whose rows have a unique slug.</summary>
public enum SluggedTable
{
    Articles,
    Tags,
    Sections,
    Authors,
}
