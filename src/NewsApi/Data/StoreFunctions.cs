using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsApi.Data;

/// <summary>
/// SQL functions that LINQ queries call and each store translates in its own dialect. Time arithmetic goes through
/// whole seconds since the Unix epoch because that is the one representation SQLite (ISO text) and PostgreSQL
/// (timestamptz) both compute exactly and compare, add and divide with plain integer SQL.
/// </summary>
public static class StoreFunctions
{
    /// <summary>Whole seconds from 1970-01-01T00:00Z to <paramref name="at"/> (UTC); only callable inside a query.</summary>
    public static long UnixSeconds(DateTime at) => throw new InvalidOperationException($"{nameof(UnixSeconds)} runs in the database only (at {at:O}).");

    /// <summary>SQLite: <c>CAST(strftime('%s', at) AS INTEGER)</c>; strftime reads the stored ISO text as UTC.</summary>
    public static void MapForSqlite(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDbFunction(UnixSecondsMethod).HasTranslation(arguments => new SqlUnaryExpression(
            ExpressionType.Convert,
            new SqlFunctionExpression("strftime", [new SqlConstantExpression("%s", new StringTypeMapping("TEXT", null)), arguments[0]], nullable: true, argumentsPropagateNullability: [false, true], typeof(string), new StringTypeMapping("TEXT", null)),
            typeof(long),
            new LongTypeMapping("INTEGER")));
    }

    /// <summary>PostgreSQL: <c>CAST(floor(date_part('epoch', at)) AS bigint)</c>; floor so a fraction never rounds up.</summary>
    public static void MapForPostgres(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDbFunction(UnixSecondsMethod).HasTranslation(arguments => new SqlUnaryExpression(
            ExpressionType.Convert,
            new SqlFunctionExpression(
                "floor",
                [new SqlFunctionExpression("date_part", [new SqlConstantExpression("epoch", new StringTypeMapping("text", null)), arguments[0]], nullable: true, argumentsPropagateNullability: [false, true], typeof(double), new DoubleTypeMapping("double precision"))],
                nullable: true,
                argumentsPropagateNullability: [true],
                typeof(double),
                new DoubleTypeMapping("double precision")),
            typeof(long),
            new LongTypeMapping("bigint")));
    }

    private static System.Reflection.MethodInfo UnixSecondsMethod => typeof(StoreFunctions).GetMethod(nameof(UnixSeconds))!;
}
