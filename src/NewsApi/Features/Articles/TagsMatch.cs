namespace NewsApi.Features.Articles;

public enum TagsMatch
{
    Any,
    All,
}
