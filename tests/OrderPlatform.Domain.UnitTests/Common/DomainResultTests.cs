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
    public void A_result_without_a_value_is_a_success_until_a_rule_refuses()
    {
        Assert.True(DomainResult.Success.IsSuccess);
        Assert.Null(DomainResult.Success.Error);

        DomainResult refused = new DomainError(DomainErrorCode.CrossStore);

        Assert.False(refused.IsSuccess);
        Assert.Equal(DomainErrorCode.CrossStore, refused.Error?.Code);
    }

    [Fact]
    public void An_error_without_a_part_has_a_null_part()
    {
        Assert.Null(new DomainError(DomainErrorCode.CrossStore).Part);
    }
}
