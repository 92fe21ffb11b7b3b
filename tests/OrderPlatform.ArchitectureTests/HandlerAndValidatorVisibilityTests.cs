using FluentValidation;
using MediatR;

namespace OrderPlatform.ArchitectureTests;

/// <summary>Handlers and validators are reached through MediatR and the pipeline only, never by name.</summary>
public sealed class HandlerAndValidatorVisibilityTests
{
    [Fact]
    public void Request_handlers_in_application_are_not_public()
    {
        var handlers = ApplicationTypes().Where(IsRequestHandler).ToArray();

        Assert.NotEmpty(handlers);
        Violations.AssertNone(
            "Types implementing MediatR.IRequestHandler<,> in OrderPlatform.Application must not be public.",
            handlers.Where(type => type.IsVisible).Select(type => $"{Members.NameOf(type)} is public"));
    }

    [Fact]
    public void Validators_in_application_are_not_public()
    {
        var validators = ApplicationTypes().Where(IsValidator).ToArray();

        Assert.NotEmpty(validators);
        Violations.AssertNone(
            "Types deriving from FluentValidation.AbstractValidator<> in OrderPlatform.Application must not be public.",
            validators.Where(type => type.IsVisible).Select(type => $"{Members.NameOf(type)} is public"));
    }

    private static IEnumerable<Type> ApplicationTypes() =>
        ProjectAssemblies.ApplicationAssembly.GetTypes().Where(type => type.IsClass);

    private static bool IsRequestHandler(Type type) =>
        Members.Implements(type, typeof(IRequestHandler<,>));

    private static bool IsValidator(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return true;
            }
        }

        return false;
    }
}
