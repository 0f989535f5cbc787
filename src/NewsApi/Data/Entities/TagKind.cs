namespace NewsApi.Data.Entities;

public enum TagKind
{
    Topic = 0,
    Person = 1,
    Place = 2,
    Organisation = 3,
}
