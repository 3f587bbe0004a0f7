using Medarbejdergrundlag.Content.Editing;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Medarbejdergrundlag.Web.Areas.Admin;

public static class EditResultModelState
{
    /// <summary>
    /// Puts the editing service's Danish messages where the form shows them: on the field under
    /// <paramref name="prefix"/> (e.g. "Form"), or in the summary when the message names no field.
    /// Without a prefix every message goes to the summary.
    /// </summary>
    public static void AddEditErrors(this ModelStateDictionary modelState, EditResult result, string? prefix = null)
    {
        foreach (var (field, message) in result.Errors)
        {
            modelState.AddModelError(prefix is null || field.Length == 0 ? "" : $"{prefix}.{field}", message);
        }
    }
}
