using System.Collections.Concurrent;
using System.Linq.Expressions;
using Medarbejdergrundlag.Content.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Medarbejdergrundlag.Tests.Shared;

/// <summary>
/// No SQL Server runs on these machines, so every query the tests make the portal run (on SQLite
/// or PostgreSQL) is also compiled by the SQL Server provider, which needs no server for that:
/// the same LINQ, pointed at the SQL Server model, through EF's own translation. A query that
/// would not translate there (or would need client evaluation) fails the test that ran it.
/// Registered as an <see cref="IInterceptor"/> by the test hosts; <c>MG_QUERY_SHAPES</c> names a
/// file that gets every distinct query shape, for counting them.
/// </summary>
public sealed class SqlServerTranslationCheck : IQueryExpressionInterceptor
{
    private SqlServerTranslationCheck()
    {
    }

    private static readonly ConcurrentDictionary<string, string?> Checked = new();
    private static readonly Lock Gate = new();
    private static readonly ContentDbContext Target =
        ContentDatabase.CreateContext(ContentDatabase.SqlServer, "Server=localhost;Database=none;TrustServerCertificate=True");

    /// <summary>
    /// The one instance every test host registers: EF builds an internal service provider per
    /// distinct singleton interceptor, so a new instance per host would build one per test.
    /// </summary>
    public static SqlServerTranslationCheck Instance { get; } = new();

    /// <summary>How many distinct query shapes have been compiled for SQL Server in this test run.</summary>
    public static int Count => Checked.Count;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        var shape = queryExpression.Print();
        var error = Checked.GetOrAdd(shape, _ => Translate(queryExpression, shape));
        if (error is not null)
        {
            throw new InvalidOperationException($"This query does not translate on SQL Server: {error}\n{shape}");
        }

        return queryExpression;
    }

    /// <summary>Compiles the query for SQL Server; the reason it cannot, or null.</summary>
    public static string? Translate(Expression query, string? shape = null)
    {
        shape ??= query.Print();
        try
        {
            // One SQL Server context serves every test thread; its model is built on first use.
            lock (Gate)
            {
                var retargeted = new RetargetRoots(Target.Model).Visit(query);
                var compile = typeof(IDatabase).GetMethod(nameof(IDatabase.CompileQuery))!.MakeGenericMethod(ResultType(retargeted.Type));
                compile.Invoke(Target.GetService<IDatabase>(), [retargeted, false]);
            }
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is InvalidOperationException or NotSupportedException or NotImplementedException)
        {
            return ex.InnerException!.Message;
        }

        if (Environment.GetEnvironmentVariable("MG_QUERY_SHAPES") is { Length: > 0 } file)
        {
            lock (Gate)
            {
                File.AppendAllText(file, shape.ReplaceLineEndings(" ") + "\n");
            }
        }

        return null;
    }

    /// <summary>What a synchronous execution returns: the rows of a query, or the single value of an aggregate.</summary>
    private static Type ResultType(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>)) is { } queryable
            ? typeof(IEnumerable<>).MakeGenericType(queryable.GetGenericArguments())
            : type;

    /// <summary>Points every entity query root at the same entity type in the SQL Server model.</summary>
    private sealed class RetargetRoots(Microsoft.EntityFrameworkCore.Metadata.IModel model) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) => node is EntityQueryRootExpression root
            ? new EntityQueryRootExpression(model.FindEntityType(root.EntityType.Name)
                ?? throw new InvalidOperationException($"{root.EntityType.Name} is not in the SQL Server model."))
            : base.VisitExtension(node);
    }
}
