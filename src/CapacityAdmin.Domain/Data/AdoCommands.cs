using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CapacityAdmin.Domain.Data;

/// <summary>
/// Plain ADO.NET commands on a context's own connection and current transaction, with values stored as the model stores
/// them (the hot statements: consumption, the join, the API-key probe).
/// </summary>
internal static class AdoCommands
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstant = new();

    public static DbCommand Create(CapacityDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>A parameter; a null is sent as text (every nullable parameter of these statements is a text column).</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null or string) parameter.DbType = System.Data.DbType.String;
        command.Parameters.Add(parameter);
    }

    /// <summary>EF stores a GUID as upper-case text on SQLite; the other providers have a uuid type.</summary>
    public static object Id(CapacityDbContext db, Guid id) => db.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>SQLite keeps a DateTimeOffset as ticks (<see cref="CapacityDbContext"/>'s convention); the others natively.</summary>
    public static object Instant(CapacityDbContext db, DateTimeOffset at) => db.Provider == DatabaseProvider.Sqlite ? SqliteInstant.ConvertToProvider(at)! : at;
}
