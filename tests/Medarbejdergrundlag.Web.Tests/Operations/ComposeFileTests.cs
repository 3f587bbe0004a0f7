using Medarbejdergrundlag.Tests.Shared;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>
/// Nothing here can run Docker, so docker-compose.yml and the Dockerfile are read and checked:
/// the services, their health checks, the volume, no secrets written inline, and one port for
/// the image, the app, the health check and the published mapping.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = Repository.Root;
    private static readonly YamlMappingNode Compose = LoadCompose();
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));

    [Fact]
    public void ThePortalIsBuiltFromTheDockerfileAndWaitsForAHealthyDatabase()
    {
        var portal = Service("portal");

        var build = Map(portal, "build");
        Assert.Equal("Dockerfile", Scalar(build, "dockerfile"));
        Assert.True(File.Exists(Path.Combine(Root, Scalar(build, "context"), "Dockerfile")));
        Assert.Equal("service_healthy", Scalar(Map(Map(portal, "depends_on"), "db"), "condition"));
        Assert.Equal("Production", Environment(portal)["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Postgres", Environment(portal)["Database__Provider"]);
        Assert.StartsWith("Host=db;", Environment(portal)["ConnectionStrings__Content"]);
        Assert.Contains(".env", ((YamlSequenceNode)portal.Children["env_file"]).Children.Select(n => n.ToString()));
    }

    [Fact]
    public void PostgresKeepsItsDataInANamedVolumeAndMatchesTheTestedVersion()
    {
        var db = Service("db");

        Assert.Equal("postgres:15", Scalar(db, "image"));
        var mount = Assert.Single(((YamlSequenceNode)db.Children["volumes"]).Children).ToString();
        var volume = mount.Split(':')[0];
        Assert.Equal("/var/lib/postgresql/data", mount.Split(':')[1]);
        Assert.True(Map(Compose, "volumes").Children.ContainsKey(volume), $"volume {volume} is not declared");
        Assert.Contains("pg_isready", string.Join(" ", HealthTest(db)));
    }

    [Fact]
    public void TheSqlServerProfileRunsThePortalOnMicrosoftsImage()
    {
        var portal = Service("portal-sqlserver");
        var database = Service("sqlserver");

        Assert.StartsWith("mcr.microsoft.com/mssql/server:", Scalar(database, "image"));
        Assert.Equal("SqlServer", Environment(portal)["Database__Provider"]);
        Assert.StartsWith("Server=sqlserver,1433;", Environment(portal)["ConnectionStrings__Content"]);
        Assert.Equal("service_healthy", Scalar(Map(Map(portal, "depends_on"), "sqlserver"), "condition"));
        Assert.Equal("/var/opt/mssql", ((YamlSequenceNode)database.Children["volumes"]).Children.Single().ToString().Split(':')[1]);
        Assert.Equal("medarbejdergrundlag-portal", Scalar(portal, "image"));

        // One database at a time: each stack has its own profile, and .env.example picks PostgreSQL.
        Assert.Equal(["sqlserver"], Profiles(portal).Concat(Profiles(database)).Distinct());
        Assert.Equal(["postgres"], Profiles(Service("portal")).Concat(Profiles(Service("db"))).Distinct());
        Assert.Contains("COMPOSE_PROFILES=postgres", File.ReadAllLines(Path.Combine(Root, ".env.example")));
    }

    private static IEnumerable<string> Profiles(YamlMappingNode service) =>
        ((YamlSequenceNode)service.Children["profiles"]).Children.Select(n => n.ToString());

    [Theory]
    [InlineData("portal")]
    [InlineData("db")]
    [InlineData("portal-sqlserver")]
    [InlineData("sqlserver")]
    public void EveryServiceHasAHealthCheckWithATimeout(string name)
    {
        var health = Map(Service(name), "healthcheck");

        Assert.NotEmpty(HealthTest(Service(name)));
        Assert.Matches(@"^\d+s$", Scalar(health, "interval"));
        Assert.Matches(@"^\d+s$", Scalar(health, "timeout"));
        Assert.Equal("unless-stopped", Scalar(Service(name), "restart"));
    }

    [Fact]
    public void NoSecretIsWrittenInline()
    {
        var environment = Map(Compose, "services").Children.Values.Cast<YamlMappingNode>().SelectMany(s => Environment(s)).ToList();

        Assert.NotEmpty(environment);
        foreach (var (key, value) in environment)
        {
            if (SecretName().IsMatch(key))
            {
                Assert.Matches(@"^\$\{[A-Z_]+(:\?[^}]*)?\}$", value);
            }

            foreach (Match password in Regex.Matches(value, "Password=([^;]*)", RegexOptions.IgnoreCase))
            {
                Assert.Matches(@"^\$\{[A-Z_]+(:\?[^}]*)?\}$", password.Groups[1].Value);
            }
        }

        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(Root, ".dockerignore")));
    }

    [Fact]
    public void TheExampleEnvFileNamesEveryVariableAndHoldsNoSecret()
    {
        var example = File.ReadAllLines(Path.Combine(Root, ".env.example"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);
        var referenced = Variable().Matches(File.ReadAllText(Path.Combine(Root, "docker-compose.yml"))).Select(m => m.Groups[1].Value).Distinct();

        Assert.All(referenced, name => Assert.True(example.ContainsKey(name), $"{name} is not in .env.example"));
        Assert.All(example.Where(e => SecretName().IsMatch(e.Key)), e => Assert.Equal("", e.Value));
    }

    [Fact]
    public async Task TheImageTheAppTheHealthCheckAndThePublishedPortAgree()
    {
        var runtime = Dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        var appPort = Assert.Single(runtime.Select(l => HttpPorts().Match(l)), m => m.Success).Groups[1].Value;
        var exposed = Assert.Single(runtime, l => l.StartsWith("EXPOSE ", StringComparison.Ordinal))["EXPOSE ".Length..].Trim();
        var published = Assert.Single(((YamlSequenceNode)Service("portal").Children["ports"]).Children).ToString().Split(':')[^1];
        var probe = string.Join(" ", HealthTest(Service("portal")));
        var probed = ProbeTarget().Match(probe);

        Assert.Equal(appPort, exposed);
        Assert.Equal(appPort, published);
        Assert.True(probed.Success, probe);
        Assert.Equal(appPort, probed.Groups[1].Value);
        Assert.Contains(probed.Value, Dockerfile.Select(l => ProbeTarget().Match(l).Value));

        // The path the probe asks for is the app's real readiness endpoint.
        using var factory = new PortalFactory();
        using var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(probed.Groups[2].Value)).StatusCode);
    }

    [Fact]
    public void TheRuntimeStageLimitsGlibcsMallocArenasAsTheMemoryBenchmarkRanIt()
    {
        // tests/load/run.sh sets the same when MEMORY_LIMIT is given: without it, 256 MiB did not hold.
        var runtime = Dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();
        Assert.Contains(runtime, l => l.Trim().TrimEnd('\\').Trim() == "MALLOC_ARENA_MAX=2");
        Assert.Contains(File.ReadAllLines(Path.Combine(Root, "tests", "load", "run.sh")), l => l.Contains("export MALLOC_ARENA_MAX=\"${MALLOC_ARENA_MAX:-2}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void TheDockerfileBuildsInOneStageAndRunsAsNonRootInAnother()
    {
        var stages = Dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Contains(" AS build", stages[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", stages[1]);
        Assert.Contains(Dockerfile, l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));

        var user = Dockerfile.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(Array.FindLastIndex(Dockerfile, l => l.StartsWith("USER ", StringComparison.Ordinal)) > Array.FindIndex(Dockerfile, l => l == stages[1]));
    }

    [Fact]
    public void TheDockerfileCopiesEveryProjectTheWebAppNeedsBeforeRestoring()
    {
        var copied = Dockerfile.Where(l => l.StartsWith("COPY src/", StringComparison.Ordinal) && l.Contains(".csproj", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1])
            .ToHashSet();
        var needed = ProjectClosure("src/Medarbejdergrundlag.Web/Medarbejdergrundlag.Web.csproj");

        Assert.All(needed, project => Assert.Contains(project, copied));
        Assert.All(copied, project => Assert.True(File.Exists(Path.Combine(Root, project)), project));
    }

    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string> { project };
        var references = XDocument.Load(Path.Combine(Root, project)).Descendants("ProjectReference")
            .Select(r => r.Attribute("Include")!.Value.Replace('\\', '/'))
            .Select(include => Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(project)!, include))).Replace('\\', '/'));
        foreach (var reference in references)
        {
            found.UnionWith(ProjectClosure(reference));
        }

        return found;
    }

    private static YamlMappingNode Service(string name) => Merged(Map(Map(Compose, "services"), name));

    /// <summary>A service with what it takes from a shared block (YAML's <c>&lt;&lt;: *anchor</c>), as Compose reads it.</summary>
    private static YamlMappingNode Merged(YamlMappingNode service)
    {
        if (!service.Children.TryGetValue(new YamlScalarNode("<<"), out var shared))
        {
            return service;
        }

        var merged = new YamlMappingNode();
        foreach (var (key, value) in ((YamlMappingNode)shared).Children.Concat(service.Children).Where(e => e.Key.ToString() != "<<"))
        {
            merged.Children[key] = value;
        }

        return merged;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (YamlMappingNode)child : throw new Xunit.Sdk.XunitException($"no '{key}'");

    private static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? ((YamlScalarNode)child).Value! : throw new Xunit.Sdk.XunitException($"no '{key}'");

    private static List<string> HealthTest(YamlMappingNode service) =>
        ((YamlSequenceNode)Map(service, "healthcheck").Children["test"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

    /// <summary>A service's environment, in either of Compose's two forms (map or KEY=value list).</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service)
    {
        if (!service.Children.TryGetValue(new YamlScalarNode("environment"), out var node))
        {
            return [];
        }

        return node is YamlMappingNode map
            ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "")
            : ((YamlSequenceNode)node).Children.Select(n => ((YamlScalarNode)n).Value!.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
    }

    private static YamlMappingNode LoadCompose()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex("(PASSWORD|SECRET|TOKEN|APIKEY)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\$\{([A-Z_]+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex HttpPorts();

    [GeneratedRegex(@"/dev/tcp/127\.0\.0\.1/(\d+).*?GET (/[a-z/]+) HTTP")]
    private static partial Regex ProbeTarget();
}
