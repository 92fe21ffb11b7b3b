using OrderPlatform.Domain.Common;

namespace OrderPlatform.Domain.UnitTests.Common;

public sealed class DomainResultTests
{
    [Fact]
    public void A_value_is_a_success()
    {
        DomainResult<string> result = "ok";

        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal("ok", result.Value);
    }

    [Fact]
    public void An_error_is_a_failure_without_a_value()
    {
        DomainResult<string> result = new DomainError(DomainErrorCode.InvalidAddress, "Phone");

        Assert.False(result.IsSuccess);
        Assert.Equal(new DomainError(DomainErrorCode.InvalidAddress, "Phone"), result.Error);
        var thrown = Assert.Throws<DomainException>(() => result.Value);
        Assert.Contains(nameof(DomainErrorCode.InvalidAddress), thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_without_a_part_has_a_null_part()
    {
        Assert.Null(new DomainError(DomainErrorCode.CrossStore).Part);
    }
}
