namespace CapacityAdmin.Web.Api;

/// <summary>The <c>?page=&amp;pageSize=</c> query of every list endpoint.</summary>
public sealed record PagedQuery(int? Page, int? PageSize);
