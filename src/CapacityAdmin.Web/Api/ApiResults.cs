using CapacityAdmin.Domain.Common;

namespace CapacityAdmin.Web.Api;

public static class ApiResults
{
    /// <summary>Maps a domain result: success through <paramref name="onSuccess"/>, a refusal to problem details.</summary>
    public static IResult Map<T>(Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : ApiProblems.From(result.Error);

    public static IResult Ok<T>(Result<T> result) => Map(result, v => TypedResults.Ok(v));
}
