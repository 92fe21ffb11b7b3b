using System.Reflection;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OrderPlatform.Infrastructure.Persistence;

/// <summary>
/// How one entity type is inserted on SQLite, read once from EF Core's model, so the table, the
/// columns and their conversions are the model's and not a second copy: one INSERT of the entity's
/// row, returning the key the database generates, then the same for what it owns and holds (an
/// order's address copy and its lines), each given its owner's key.
/// </summary>
internal sealed class SqliteInsertPlan
{
    private readonly string _sql;
    private readonly Column[] _columns;
    private readonly GeneratedKey? _generatedKey;
    private readonly Dependent[] _dependents;

    private SqliteInsertPlan(IEntityType entityType, IForeignKey? fromOwner)
    {
        var table = StoreObjectIdentifier.Table(
            entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} maps to no table."),
            entityType.GetSchema());
        var key = entityType.FindPrimaryKey() ?? throw new InvalidOperationException($"{entityType.DisplayName()} has no key.");
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            var column = property.GetColumnName(table) ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} maps to no column of {table.Name}.");
            if (key.Properties is [var only] && only == property && property.ValueGenerated == ValueGenerated.OnAdd)
            {
                _generatedKey = new GeneratedKey(property, column);
                continue;
            }

            columns.Add(new Column(property, column, OwnersKeyFor(property, fromOwner)));
        }

        _columns = [.. columns];
        _sql = InsertText(table, _columns, _generatedKey);
        _dependents = [.. entityType.GetNavigations()
            .Where(navigation => !navigation.IsOnDependent)
            .Select(navigation => new Dependent(navigation, new SqliteInsertPlan(navigation.TargetEntityType, navigation.ForeignKey)))];
    }

    public static SqliteInsertPlan For(IEntityType entityType) => new(entityType, fromOwner: null);

    /// <summary>Inserts <paramref name="entity"/>'s row and its dependents' rows with the writer's prepared statements.</summary>
    public Task InsertAsync(object entity, SqliteStatementCache statements, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        InsertAsync(entity, owner: null, statements, transaction, cancellationToken);

    private async Task InsertAsync(object entity, object? owner, SqliteStatementCache statements, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        _generatedKey?.EnsureUnset(entity);
        var command = statements.Prepared(_sql, _columns.Length, transaction);
        for (var index = 0; index < _columns.Length; index++)
        {
            command.Parameters[index].Value = _columns[index].ValueOf(entity, owner);
        }

        if (_generatedKey is { } generated)
        {
            generated.Set(entity, await command.ExecuteScalarAsync(cancellationToken));
        }
        else
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var dependent in _dependents)
        {
            foreach (var child in dependent.Of(entity))
            {
                await dependent.Plan.InsertAsync(child, entity, statements, transaction, cancellationToken);
            }
        }
    }

    /// <summary>The owner's key property that <paramref name="property"/>, part of the key tying the entity to its owner, takes its value from.</summary>
    private static IProperty? OwnersKeyFor(IProperty property, IForeignKey? fromOwner)
    {
        for (var index = 0; index < (fromOwner?.Properties.Count ?? 0); index++)
        {
            if (fromOwner!.Properties[index] == property)
            {
                return fromOwner.PrincipalKey.Properties[index];
            }
        }

        return null;
    }

    private static string InsertText(StoreObjectIdentifier table, Column[] columns, GeneratedKey? generatedKey)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(Quoted(table.Name)).Append(" (");
        sql.AppendJoin(", ", columns.Select(column => Quoted(column.Name))).Append(") VALUES (");
        sql.AppendJoin(", ", columns.Select((_, index) => WrittenOutSql.ParameterName(index))).Append(')');
        if (generatedKey is not null)
        {
            sql.Append(" RETURNING ").Append(Quoted(generatedKey.Column));
        }

        return sql.Append(';').ToString();
    }

    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A column's value: the entity's own, the owner's key for the key that ties it to its owner, or a shadow property's default.</summary>
    private sealed class Column(IProperty property, string name, IProperty? ownersKey)
    {
        private readonly IClrPropertyGetter? _getter = property.IsShadowProperty() ? null : property.GetGetter();
        private readonly IClrPropertyGetter? _ownersKeyGetter = ownersKey?.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? _converter = (ownersKey ?? property).GetTypeMapping().Converter;
        private readonly object? _shadowDefault = property.ClrType.IsValueType && Nullable.GetUnderlyingType(property.ClrType) is null
            ? Activator.CreateInstance(property.ClrType)
            : null;

        public string Name => name;

        public object ValueOf(object entity, object? owner)
        {
            var value = _ownersKeyGetter is not null
                ? _ownersKeyGetter.GetClrValue(owner ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()} is inserted only with its owner."))
                : _getter is not null ? _getter.GetClrValue(entity) : _shadowDefault;
            if (value is null)
            {
                return DBNull.Value;
            }

            return _converter is null ? value : _converter.ConvertToProvider(value) ?? DBNull.Value;
        }
    }

    /// <summary>The key SQLite generates on insert, written back into the entity as EF Core would.</summary>
    private sealed class GeneratedKey(IProperty property, string column)
    {
        private readonly MemberInfo _member = property.GetMemberInfo(forMaterialization: true, forSet: true);
        private readonly IClrPropertyGetter _getter = property.GetGetter();

        public string Column => column;

        public void EnsureUnset(object entity)
        {
            if (!_getter.HasSentinelValue(entity))
            {
                throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is generated by the database; an entity to insert must not have one.");
            }
        }

        public void Set(object entity, object? value)
        {
            var key = Convert.ChangeType(value ?? throw new InvalidOperationException($"The insert returned no {column}."), property.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            switch (_member)
            {
                case FieldInfo field:
                    field.SetValue(entity, key);
                    break;
                case PropertyInfo clrProperty:
                    clrProperty.SetValue(entity, key);
                    break;
            }
        }
    }

    /// <summary>An owned or held navigation, and how its entities are inserted.</summary>
    private sealed class Dependent(INavigation navigation, SqliteInsertPlan plan)
    {
        private readonly IClrPropertyGetter _getter = navigation.GetGetter();

        public SqliteInsertPlan Plan => plan;

        public IEnumerable<object> Of(object owner) => _getter.GetClrValue(owner) switch
        {
            null => [],
            System.Collections.IEnumerable many when navigation.IsCollection => many.Cast<object>(),
            var one => [one],
        };
    }
}
