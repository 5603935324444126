using ImageLab.Core.Security;
using ImageLab.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImageLab.Data.EntityConfigurations;

/// <summary>Identity's tables under plain names, and the three roles seeded with fixed ids.</summary>
internal static class IdentityConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImageLabUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.CreatedAt);
        });
        modelBuilder.Entity<IdentityRole>(role =>
        {
            role.ToTable("roles");
            role.HasData(ImageLabRoles.All.Select(name => new IdentityRole
            {
                Id = name,
                Name = name,
                NormalizedName = name.ToUpperInvariant(),
                ConcurrencyStamp = name,
            }));
        });
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
    }
}
