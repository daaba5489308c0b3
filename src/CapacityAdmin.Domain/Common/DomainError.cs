namespace CapacityAdmin.Domain.Common;

/// <summary>What kind of refusal an error is; the API maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Unprocessable,
    Forbidden,
}

/// <summary>An expected refusal with a stable upper-snake-case code (api-v1.md "Errors").</summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Detail)
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Extra members for the problem document (for example newUtilization on a refusal).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static DomainError Validation(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorKind.Validation, ErrorCodes.ValidationFailed, detail) { Errors = errors };

    public static DomainError Validation(string field, string message) =>
        Validation(message, new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError NotFound(string code, string detail) => new(ErrorKind.NotFound, code, detail);

    public static DomainError Conflict(string code, string detail) => new(ErrorKind.Conflict, code, detail);

    public static DomainError Forbidden(string detail) => new(ErrorKind.Forbidden, ErrorCodes.Forbidden, detail);
}
