using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CapacityAdmin.Domain.Data;

/// <summary>Plain ADO.NET commands on a context's own connection and current transaction.</summary>
internal static class AdoCommands
{
    public static DbCommand Create(CapacityDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
