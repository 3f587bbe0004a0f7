using Medarbejdergrundlag.Web.Security;

namespace Medarbejdergrundlag.Web.Tests.Security;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/admin", true)]
    [InlineData("/pejlemaerker/mod?x=1#top", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("evil.example", false)]
    [InlineData("/a\r\nLocation: https://evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyPathsOnThisSiteAreLocal(string? url, bool local)
    {
        Assert.Equal(local, LocalUrl.IsLocal(url));
        Assert.Equal(local ? url : "/", LocalUrl.OrHome(url));
    }
}
