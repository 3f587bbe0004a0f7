using Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Shared;

/// <summary>What the course fields partial needs: the form, the bearings to choose from and the errors.</summary>
public sealed record CourseFieldsModel(EditForm Form, IReadOnlyList<(string Key, string Title)> Bearings, ModelStateDictionary ModelState)
{
    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
