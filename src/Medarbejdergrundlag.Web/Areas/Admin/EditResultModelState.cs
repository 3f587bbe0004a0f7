using Medarbejdergrundlag.Content.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

    /// <summary>
    /// What every admin page does with an editing result: done, <paramref name="done"/> (a redirect
    /// with a message); not found, 404; a conflict, <paramref name="conflict"/>; refused, the Danish
    /// messages on the form (fields under <paramref name="prefix"/>). Null means: show the page again.
    /// </summary>
    public static async Task<IActionResult?> OutcomeAsync(
        this PageModel page, EditResult result, Func<IActionResult> done, Func<Task> conflict, string? prefix = null)
    {
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return done();
            case EditOutcome.NotFound:
                return page.NotFound();
            case EditOutcome.Conflict:
                await conflict();
                return null;
            default:
                page.ModelState.AddEditErrors(result, prefix);
                return null;
        }
    }

    /// <inheritdoc cref="OutcomeAsync(PageModel, EditResult, Func{IActionResult}, Func{Task}, string?)"/>
    public static Task<IActionResult?> OutcomeAsync(
        this PageModel page, EditResult result, Func<IActionResult> done, string conflictMessage, string? prefix = null) =>
        page.OutcomeAsync(result, done, () =>
        {
            page.ModelState.AddModelError("", conflictMessage);
            return Task.CompletedTask;
        }, prefix);
}
