using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CapacityAdmin.Web.Tests.Infrastructure;

namespace CapacityAdmin.Web.Tests.Email;

/// <summary>
/// A real SMTP server on 127.0.0.1 (aiosmtpd's Mailbox handler: every message lands as a file in <c>DIR/new</c>).
/// Uses the one <c>scripts/test.sh</c> started (<c>CAPACITY_TEST_SMTP_PORT</c>, <c>CAPACITY_TEST_SMTP_DIR</c>), or
/// starts its own as a child process on a free port and stops it at the end.
/// </summary>
public sealed class SmtpSink : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;
    private string? _ownDirectory;

    public int Port { get; private set; }

    /// <summary>The maildir; delivered messages are files in <c>new/</c>.</summary>
    public string Directory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("CAPACITY_TEST_SMTP_PORT"), out var port)
            && Environment.GetEnvironmentVariable("CAPACITY_TEST_SMTP_DIR") is { Length: > 0 } dir)
        {
            Port = port;
            Directory = dir;
            await WaitUntilListeningAsync();
            return;
        }

        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing: the SMTP tests need Debian's python3 with python3-aiosmtpd (apt-get install -y python3-aiosmtpd).");
        _ownDirectory = TestDirectories.Create("capacity-smtp");
        foreach (var sub in new[] { "tmp", "new", "cur" }) System.IO.Directory.CreateDirectory(Path.Combine(_ownDirectory, sub));
        Directory = _ownDirectory;
        Port = FreePort();
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        _process.BeginOutputReadLine();
        var stderr = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();

        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                string error;
                lock (stderr) error = stderr.ToString();
                throw new InvalidOperationException(error.Contains("No module named aiosmtpd", StringComparison.Ordinal)
                    ? "python3-aiosmtpd is not installed; install it with: apt-get update && apt-get install -y python3-aiosmtpd"
                    : $"aiosmtpd exited with code {_process.ExitCode}: {error}");
            }
            return await AcceptsConnectionsAsync();
        }, $"aiosmtpd to listen on 127.0.0.1:{Port}", TimeSpan.FromSeconds(20));
    }

    /// <summary>Waits for the one message delivered to <paramref name="recipient"/> (addresses are unique per test: the sink may be shared).</summary>
    public async Task<EmlMessage> WaitForMessageToAsync(string recipient)
    {
        string? found = null;
        await Poll.UntilAsync(() =>
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "new")))
            {
                string text;
                try { text = File.ReadAllText(file); }
                catch (IOException) { continue; }
                if (text.Contains(recipient, StringComparison.OrdinalIgnoreCase)) { found = text; return true; }
            }
            return false;
        }, $"a message to {recipient} in {Directory}/new", TimeSpan.FromSeconds(15));
        return EmlMessage.Parse(found!);
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
        if (_ownDirectory is not null) TestDirectories.Delete(_ownDirectory);
    }

    private async Task WaitUntilListeningAsync() =>
        await Poll.UntilAsync(AcceptsConnectionsAsync, $"the SMTP sink on 127.0.0.1:{Port}", TimeSpan.FromSeconds(20));

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
