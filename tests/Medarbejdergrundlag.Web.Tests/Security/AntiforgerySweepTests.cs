using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// Every endpoint that changes state, read from the app's own <see cref="EndpointDataSource"/>:
/// minimal API endpoints that take POST, PUT, PATCH or DELETE, and every Razor page handler for
/// those methods. Each is posted to without an antiforgery token, by a reader whose role may use
/// it, and must answer 400 and change nothing in the database. An endpoint this test has no case
/// for fails it, so a new one cannot be forgotten.
/// </summary>
public sealed class AntiforgerySweepTests
{
    /// <summary>Endpoints that rightly take a post without a token, and why.</summary>
    private static readonly Dictionary<string, string> TokenFree = new(StringComparer.Ordinal)
    {
        // Mapped only with an OpenID Connect provider configured; listed so that it stays deliberate.
        ["POST /signout-backchannel"] =
            "OIDC back-channel logout: the provider posts a signed logout token server to server, with no browser and no cookie; the token's signature is the proof (BackChannelLogoutTests).",
        ["POST /fejl/{statusCode:int}"] =
            "The error page: a failed POST is re-executed to it with its method, and it must show its Danish message whatever the token. It reads no form and writes nothing (checked below).",
    };

    /// <summary>
    /// Who may use each endpoint (a persona), keyed by method, route and page handler. A route's
    /// parameters are filled in by <see cref="Fill"/>.
    /// </summary>
    private static readonly Dictionary<string, string> Cases = new(StringComparer.Ordinal)
    {
        // HR editors: the admin area.
        ["POST /Admin?handler=DismissSchedule"] = "hr-redaktoer",
        ["POST /Admin?handler=MarkReviewed"] = "hr-redaktoer",
        ["POST /Admin?handler=MoveDown"] = "hr-redaktoer",
        ["POST /Admin?handler=MoveUp"] = "hr-redaktoer",
        ["POST /Admin?handler=Unarchive"] = "hr-redaktoer",
        ["POST /admin/billeder?handler=Delete"] = "hr-redaktoer",
        ["POST /admin/billeder?handler=Upload"] = "hr-redaktoer",
        ["POST /admin/forloeb/import?handler=Import"] = "hr-redaktoer",
        ["POST /admin/forloeb/import?handler=Preview"] = "hr-redaktoer",
        ["POST /admin/forloeb/import?handler=PublishDrafts"] = "hr-redaktoer",
        ["POST /admin/forloeb/import?handler=Recheck"] = "hr-redaktoer",
        ["POST /admin/indhold/ny/{kind}"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/historik?handler=Restore"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/hold"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/hold/{holdId:int}?handler=Remove"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/hold/{holdId:int}?handler=Restore"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/hold/{holdId:int}?handler=Save"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/oversaettelse?handler=Checks"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/oversaettelse?handler=Publish"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/oversaettelse?handler=Save"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}/oversaettelse?handler=Unpublish"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=Archive"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=Checks"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=CancelSchedule"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=DismissSchedule"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=KeepAfterLastDate"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=MarkReviewed"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=MoveSchedule"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=Publish"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=Review"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=Save"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=ScheduleArchive"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=ScheduleNewest"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=SchedulePublish"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=Unarchive"] = "hr-redaktoer",
        ["POST /admin/markdown"] = "hr-redaktoer",
        // Approval and consultation links (issue 27): the approver's buttons need the approver.
        ["POST /admin/indhold/{id:int}?handler=RequestApproval"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=Approve"] = "godkender",
        ["POST /admin/indhold/{id:int}?handler=ReturnForChanges"] = "godkender",
        ["POST /admin/indhold/{id:int}?handler=CreateConsultationLink"] = "hr-redaktoer",
        ["POST /admin/indhold/{id:int}?handler=RevokeConsultationLink"] = "hr-redaktoer",
        ["POST /hoering/{token}"] = "medarbejder",
        // Every signed-in reader: confirming, their account, signing in again as someone else.
        ["POST /en/medarbejdergrundlag/bekraeft"] = "medarbejder",
        ["POST /konto/bekraeftelser?handler=TraekAlleTilbage"] = "medarbejder",
        ["POST /konto/bekraeftelser?handler=TraekTilbage"] = "medarbejder",
        ["POST /konto/kalenderlink"] = "medarbejder",
        ["POST /konto/log-ind"] = "medarbejder",
        ["POST /konto/log-ind?handler=Kommune"] = "medarbejder",
        ["POST /konto/log-ud"] = "medarbejder",
        ["POST /konto/sessioner?handler=Andre"] = "medarbejder",
        ["POST /medarbejdergrundlag/bekraeft"] = "medarbejder",
        ["POST /soeg/klik"] = "medarbejder",
        ["POST /en/soeg/klik"] = "medarbejder",
    };

    [Fact]
    public async Task EveryEndpointThatChangesStateRefusesAPostWithoutAValidTokenAndChangesNothing()
    {
        using var factory = new PortalFactory();
        var endpoints = await StateChangingEndpointsAsync(factory);
        var unknown = endpoints.Where(e => !Cases.ContainsKey(e.Key) && !TokenFree.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(unknown.Count == 0, "Endpoints that change state without a case in this test (add one, or a reason to TokenFree):\n" + string.Join("\n", unknown));
        Assert.Empty(Cases.Keys.Except(endpoints.Select(e => e.Key)));

        var clients = new Dictionary<string, HttpClient>();
        foreach (var endpoint in endpoints)
        {
            var tokenFree = TokenFree.ContainsKey(endpoint.Key);
            var persona = tokenFree ? "medarbejder" : Cases[endpoint.Key];
            if (!clients.TryGetValue(persona, out var client))
            {
                clients[persona] = client = await factory.SignedInClientAsync(persona);
            }

            var path = Fill(factory, endpoint.Route) + (endpoint.Handler is { } handler ? "?handler=" + handler : "");
            var before = await FingerprintAsync(factory);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["version"] = "x",
                    ["text"] = "x",
                    ["persona"] = "hr-redaktoer",
                    // A search click that would be counted with a valid token.
                    ["q"] = "mod",
                    ["position"] = "1",
                    ["__RequestVerificationToken"] = "not-a-valid-token",
                }),
            };
            var response = await client.SendAsync(request);

            Assert.True(tokenFree || response.StatusCode == HttpStatusCode.BadRequest, $"{endpoint.Key} ({path}) answered {(int)response.StatusCode} to a post without a valid token.");
            Assert.True(before == await FingerprintAsync(factory), $"{endpoint.Key} ({path}) changed the database on a post without a valid token.");
        }
    }

    private sealed record StateChangingEndpoint(string Method, string Route, string? Handler)
    {
        public string Key => $"{Method} {Route}" + (Handler is null ? "" : "?handler=" + Handler);
    }

    private static async Task<List<StateChangingEndpoint>> StateChangingEndpointsAsync(PortalFactory factory)
    {
        string[] changing = ["POST", "PUT", "PATCH", "DELETE"];
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var found = new List<StateChangingEndpoint>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                found.AddRange(compiled.HandlerMethods
                    .Where(h => changing.Contains(h.HttpMethod, StringComparer.OrdinalIgnoreCase))
                    .Select(h => new StateChangingEndpoint(h.HttpMethod.ToUpperInvariant(), route, h.Name)));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                found.AddRange(methods.HttpMethods.Intersect(changing).Select(m => new StateChangingEndpoint(m, route, null)));
            }
        }

        // A page answers at /x and /x/Index alike: one case for both.
        return found.Where(e => !e.Route.EndsWith("/Index", StringComparison.Ordinal)).DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    private static string Fill(PortalFactory factory, string route)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var itemId = db.Items.AsNoTracking().Single(i => i.Key == "mod").Id;
        var (courseId, dateId) = Admin.AdminEndpoints.CourseWithDate(scope.ServiceProvider);
        string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return route
            .Replace("{id:int}", Id(route.Contains("/hold", StringComparison.Ordinal) ? courseId : itemId), StringComparison.Ordinal)
            .Replace("{holdId:int}", Id(dateId), StringComparison.Ordinal)
            .Replace("{kind}", "pejlemaerke", StringComparison.Ordinal)
            .Replace("{statusCode:int}", "404", StringComparison.Ordinal)
            .Replace("{token}", "ukendt-token", StringComparison.Ordinal);
    }

    /// <summary>Every row of every table but the sessions (a request may renew its own): a change anywhere shows.</summary>
    private static async Task<string> FingerprintAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Where(t => t != "UserSessions"))
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n#" + table));
            await using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "\u001f"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
