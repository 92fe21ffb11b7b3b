using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderPlatform.Application.Common.Behaviours;
using OrderPlatform.Application.Common.Idempotency;
using OrderPlatform.Application.Common.Options;
using OrderPlatform.Application.Common.Scheduling;
using OrderPlatform.Application.Common.Security;
using OrderPlatform.Application.Orders.Commands;
using OrderPlatform.Application.Orders.Commands.CloseOrder;
using OrderPlatform.Application.Orders.Commands.CreateOrder;

namespace OrderPlatform.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases with their collaborators, validators and mapping, the MediatR pipeline,
    /// and the configuration sections the use cases read. MediatR 5.1.0 has no DI package, so it is
    /// wired here by hand (docs/decisions/0001-mediatr-5.md).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var assembly = typeof(DependencyInjection).Assembly;

        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Orders:TimeZone is not a known time zone.")
            .ValidateOnStart();
        services.AddOptions<RetailerOptions>().Bind(configuration.GetSection(RetailerOptions.SectionName));
        services.AddSingleton<OrderSettings>();
        services.TryAddSingleton(TimeProvider.System);

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

        // A host with its own notion of the current user (the Api, from the token) replaces this one.
        services.TryAddScoped<AssignedUser>();
        services.TryAddScoped<ICurrentUser>(provider => provider.GetRequiredService<AssignedUser>());
        services.AddScoped<SignedInBuyer>();

        services.AddScoped<ICreateOrderReader, CreateOrderReader>();
        services.AddScoped<IBuyerReferrals, BuyerReferrals>();
        services.AddScoped<ILinePricing, LinePricing>();
        services.AddScoped<ICouponSelection, CouponSelection>();
        services.AddScoped<IShippingAddressResolver, ShippingAddressResolver>();
        services.AddScoped<ICreateOrderWriter, CreateOrderWriter>();
        services.AddScoped<IOrderClosureWriter, OrderClosureWriter>();
        services.AddScoped<IScheduledSweep, OverdueOrderSweep>();
        services.AddSingleton<KeysInFlight>();
        services.AddScoped<IdempotencyGate>();
        services.AddScoped<IScheduledSweep, ExpiredIdempotencyKeySweep>();
        // Singletons: building a validator compiles its rules' expressions, which per request cost more than the rest of the order.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddAutoMapper(_ => { }, assembly);
        return services;
    }
}
