using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderPlatform.Application.Common.Behaviours;
using OrderPlatform.Application.Common.Security;

namespace OrderPlatform.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases, their validators and mapping, and the MediatR pipeline. MediatR 5.1.0
    /// has no DI package, so it is wired here by hand (docs/decisions/0001-mediatr-5.md).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;

        // Scoped, not singleton: a singleton factory would capture the root provider and fail to resolve scoped services.
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var handlers = assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                .Select(i => (Service: i, Implementation: type)));
        foreach (var (service, implementation) in handlers)
        {
            services.AddScoped(service, implementation);
        }

        // Registration order is pipeline order, outermost first.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(BuyerAccessBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        services.AddScoped<CurrentBuyer>();
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddAutoMapper(_ => { }, assembly);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
