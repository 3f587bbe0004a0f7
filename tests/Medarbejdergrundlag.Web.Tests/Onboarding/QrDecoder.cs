using System.Diagnostics;

namespace Medarbejdergrundlag.Web.Tests.Onboarding;

/// <summary>
/// Reads QR codes with zbarimg (Debian's zbar-tools, installed by tests/setup/40-zbar.sh): a decoder
/// that shares nothing with QRCoder, run on the image bytes the page actually serves.
/// </summary>
public static class QrDecoder
{
    public static async Task<IReadOnlyList<string>> DecodeAsync(byte[] image)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mg-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, image);
        try
        {
            var start = new ProcessStartInfo("zbarimg", ["--raw", "--quiet", "-Sdisable", "-Sqrcode.enable", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("zbarimg is missing; tests/run.sh installs it (tests/setup/40-zbar.sh).", e);
            }

            using (process)
            {
                var output = await process.StandardOutput.ReadToEndAsync();
                var error = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                // zbarimg exits 4 when it finds no code: a result the tests should see, not an exception.
                if (process.ExitCode is not (0 or 4))
                {
                    throw new InvalidOperationException($"zbarimg failed ({process.ExitCode}): {error}");
                }

                return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static byte[] FromDataUri(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, dataUri);
        return Convert.FromBase64String(dataUri[prefix.Length..]);
    }
}
