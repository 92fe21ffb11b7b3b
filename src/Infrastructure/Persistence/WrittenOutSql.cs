using System.Data.Common;
using System.Globalization;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>A written-out statement's text with its interpolated values as parameters @p0, @p1, ..., which both providers accept.</summary>
internal static class WrittenOutSql
{
    public static string ParameterName(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    public static string Text(FormattableString sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var names = new object[sql.ArgumentCount];
        for (var index = 0; index < names.Length; index++)
        {
            names[index] = ParameterName(index);
        }

        return string.Format(CultureInfo.InvariantCulture, sql.Format, names);
    }

    /// <summary>A command on <paramref name="connection"/> for the statement, in <paramref name="transaction"/> when there is one.</summary>
    public static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, FormattableString sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Text(sql);
        for (var index = 0; index < sql.ArgumentCount; index++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = ParameterName(index);
            parameter.Value = sql.GetArgument(index) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
