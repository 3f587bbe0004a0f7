using Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Shared;

public sealed record DateFieldsModel(DateForm Form, ModelStateDictionary ModelState)
{
    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
