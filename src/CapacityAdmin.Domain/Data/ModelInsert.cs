using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Data;

/// <summary>
/// Inserts new entities as one ADO.NET command on the context's connection and transaction, without the
/// change tracker or SaveChanges' pipeline (which costs more than the statement itself inside the SQLite
/// writer gate). Table, columns, value conversions and parameter types all come from the EF model, so a row is
/// exactly what SaveChanges would write and a schema change cannot leave this writing stale columns.
/// Only for entities whose every stored property is a plain mapped property set by their constructor
/// (no shadow properties, no store-generated values).
/// </summary>
internal static class ModelInsert
{
    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping);

    private sealed record Table(string Name, IReadOnlyList<Column> Columns);

    private static readonly ConcurrentDictionary<(IModel, Type), Table> Tables = new();

    /// <summary>One INSERT per entity, all in one command (one round trip). Returns the rows inserted.</summary>
    public static async Task<int> InsertAsync(CapacityDbContext db, IReadOnlyList<object> entities, CancellationToken ct)
    {
        var tables = entities.Select(e => TableOf(db.Model, e.GetType())).ToList();
        var sql = new StringBuilder();
        for (var e = 0; e < entities.Count; e++)
        {
            var table = tables[e];
            sql.Append("INSERT INTO \"").Append(table.Name).Append("\" (");
            sql.AppendJoin(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            sql.Append(") VALUES (");
            sql.AppendJoin(", ", table.Columns.Select((_, i) => $"@e{e}_{i}"));
            sql.Append(");");
        }
        await using var command = AdoCommands.Create(db, sql.ToString());
        for (var e = 0; e < entities.Count; e++)
        for (var i = 0; i < tables[e].Columns.Count; i++)
        {
            var column = tables[e].Columns[i];
            var value = column.Property.GetGetter().GetClrValue(entities[e]);
            command.Parameters.Add(column.Mapping.CreateParameter(command, $"e{e}_{i}", value, column.Property.IsNullable));
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static Table TableOf(IModel model, Type type) => Tables.GetOrAdd((model, type), key =>
    {
        var entityType = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not mapped.");
        var tableName = entityType.GetTableName() ?? throw new InvalidOperationException($"{key.Item2.Name} has no table.");
        var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty() || property.GetComputedColumnSql() is not null || property.ValueGenerated != ValueGenerated.Never && !property.IsKey())
                throw new InvalidOperationException($"{key.Item2.Name}.{property.Name} is not a plain stored property; insert it through SaveChanges.");
            columns.Add(new Column(property.GetColumnName(store)!, property, property.GetRelationalTypeMapping()));
        }
        return new Table(tableName, columns);
    });
}
