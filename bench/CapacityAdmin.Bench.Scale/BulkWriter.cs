using System.Data.Common;
using CapacityAdmin.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal.Mapping;

namespace CapacityAdmin.Bench.Scale;

/// <summary>
/// Writes entities built by their own constructors (so derived columns such as hard limits are the product's) straight
/// to their tables, bypassing the change tracker: binary COPY on PostgreSQL, one prepared INSERT reused for every row in
/// one transaction on SQLite. Columns, names and value conversions come from the EF model, so the rows are exactly what
/// SaveChanges would have written.
/// </summary>
internal sealed class BulkWriter(CapacityDbContext model, DatabaseProvider provider, string connectionString)
{
    public async Task<int> InsertAsync<T>(IEnumerable<T> rows) where T : class
    {
        var entityType = model.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.GetComputedColumnSql() is null).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; the bulk writer does not fill those.");
        var columns = properties.Select(p => p.GetColumnName(table)!).ToList();
        var getters = properties.Select(p => (Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToList();
        object? Value(T row, int i)
        {
            var value = getters[i].Getter.GetClrValue(row);
            return value is not null && getters[i].Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }

        var columnList = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var count = 0;
        if (provider == DatabaseProvider.Postgres)
        {
            // The provider's own type where it has one, else the store type without its facets ("numeric(18,2)" -> "numeric").
            var types = properties.Select(p => p.GetRelationalTypeMapping() is NpgsqlTypeMapping n
                ? (Db: (NpgsqlTypes.NpgsqlDbType?)n.NpgsqlDbType, Name: (string?)null)
                : (Db: null, Name: p.GetRelationalTypeMapping().StoreType.Split('(')[0])).ToList();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columnList}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (Value(row, i) is not { } value) await importer.WriteNullAsync();
                    else if (types[i].Db is { } db) await importer.WriteAsync(value, db);
                    else await importer.WriteAsync(value, types[i].Name!);
                }
                count++;
            }
            await importer.CompleteAsync();
            return count;
        }

        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await using var tx = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        await using var insert = sqlite.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO \"{table.Name}\" ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray<DbParameter>();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = Value(row, i) ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
            count++;
        }
        await tx.CommitAsync();
        return count;
    }
}
