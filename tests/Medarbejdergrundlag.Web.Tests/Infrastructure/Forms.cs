using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>Fills in and submits a form the way a browser would: every field it has, as rendered.</summary>
public static class Forms
{
    public static Dictionary<string, string> Fields(IElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;

            // As a browser does: an unticked box is not sent at all.
            if (element is IHtmlInputElement { Type: "checkbox" or "radio" } box && !box.IsChecked)
            {
                continue;
            }

            fields[name] = element switch
            {
                IHtmlTextAreaElement textArea => textArea.Value,
                IHtmlSelectElement select => select.Value ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
        }

        return fields;
    }

    /// <summary>Loads <paramref name="path"/>, takes the form matching <paramref name="selector"/>, changes fields and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string path, string selector, Dictionary<string, string>? changes = null, string? handler = null)
    {
        var document = await client.GetDocumentAsync(path);
        var form = document.QuerySelector(selector) ?? throw new InvalidOperationException($"No form '{selector}' on {path}.");
        return await PostAsync(client, path, form, changes, handler);
    }

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, IElement form, Dictionary<string, string>? changes = null, string? handler = null)
    {
        var fields = Fields(form);
        foreach (var (key, value) in changes ?? [])
        {
            fields[key] = value;
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path : action;
        if (handler is not null)
        {
            target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        }

        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
