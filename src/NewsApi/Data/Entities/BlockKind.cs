namespace NewsApi.Data.Entities;

public enum BlockKind
{
    Paragraph,
    Quote,
    Heading,
    Image,
    Embed,
}
