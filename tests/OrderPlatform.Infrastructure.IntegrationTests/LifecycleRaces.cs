namespace OrderPlatform.Infrastructure.IntegrationTests;

/// <summary>
/// The section 16 race tests run one class at a time: each starts its racers on threads of their
/// own and wants the two cores for them, so two of these classes side by side would mostly race
/// each other for the CPU. Other test classes still run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LifecycleRaces
{
    public const string Name = "Order lifecycle races";
}
