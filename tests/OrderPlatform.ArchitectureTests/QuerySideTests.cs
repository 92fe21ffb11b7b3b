using MediatR;
using OrderPlatform.Application.Common.Interfaces;
using OrderPlatform.Application.Common.Messaging;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// R67: a query (a request that is not a command) runs without the unit of work and reads only
/// through the query side's read models, never through the ports the commands write with.
/// </summary>
public sealed class QuerySideTests
{
    private static readonly Type[] WriteSidePorts =
    [
        typeof(IUnitOfWork), typeof(IOrderRepository), typeof(IStockLedger), typeof(ICouponBook), typeof(IAddressBook), typeof(ICart),
    ];

    [Fact]
    public void Query_handlers_take_no_unit_of_work_and_no_write_side_port()
    {
        var offending = QueryHandlers()
            .SelectMany(handler => handler.GetConstructors().SelectMany(c => c.GetParameters()), (handler, parameter) => (handler, parameter.ParameterType))
            .Where(pair => WriteSidePorts.Contains(pair.ParameterType))
            .Select(pair => $"{Members.NameOf(pair.handler)} takes {pair.ParameterType.Name}");

        Violations.AssertNone("Query handlers read through read models (IOrderReadModel), not through the command side.", offending);
    }

    [Fact]
    public void The_scan_finds_the_query_handlers()
    {
        var names = QueryHandlers().Select(handler => handler.Name).ToList();

        Assert.Contains("GetOrderDetailQueryHandler", names);
        Assert.Contains("ListOrdersQueryHandler", names);
    }

    private static IEnumerable<Type> QueryHandlers() =>
        ProjectAssemblies.ApplicationAssembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .Where(type => type.GetInterfaces().Any(i =>
                i.IsGenericType
                && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
                && !typeof(ICommand).IsAssignableFrom(i.GetGenericArguments()[0])));
}
