using Microsoft.Data.Sqlite;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// One write step's turn on the SQLite writer's connection: the batch's transaction, inside the
/// step's savepoint, and the connection's prepared statements. A write the step leaves running past
/// its turn still names this transaction, which SQLite then refuses: it is no longer the connection's.
/// </summary>
internal sealed record WriterTurn(SqliteGroupCommit Writer, SqliteTransaction Transaction, SqliteStatementCache Statements);
