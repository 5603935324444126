using System.ComponentModel.DataAnnotations;

namespace ImageLab.Web.Components.Pages.Account;

/// <summary>What the sign-in form posts.</summary>
public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
