using System.ComponentModel.DataAnnotations;

namespace ImageLab.Web.Components.Pages.Account;

/// <summary>What the first-run form posts.</summary>
public sealed class SetupInput
{
    [Required(ErrorMessage = "Choose the admin's user name.")]
    [RegularExpression(@"^[A-Za-z0-9._@+-]{1,100}$", ErrorMessage = "Use letters, digits and . _ @ + - (at most 100).")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [MinLength(8, ErrorMessage = "The password needs at least 8 characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
