using Microsoft.AspNetCore.Identity;

namespace ImageLab.Data.Entities;

/// <summary>A person or CI account that signs in (ASP.NET Core Identity) and owns API tokens.</summary>
public sealed class ImageLabUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an admin disabled the account: it can no longer sign in and its tokens stop working. Null while enabled.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public List<ApiToken> ApiTokens { get; set; } = [];
}
