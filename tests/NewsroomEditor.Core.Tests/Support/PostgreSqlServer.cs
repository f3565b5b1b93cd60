using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsroomEditor.Core.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests of the PostgreSQL provider: one throwaway cluster per
/// test run (initdb into a temporary folder, started on a free loopback port, its socket in that
/// folder too, so that it meets no other server on the machine), and a fresh database per test.
/// It needs PostgreSQL's server programs (Debian's <c>postgresql</c> package, which ./test.sh
/// installs; <c>NEWSROOM_PG_BIN</c> names another folder of them). When they are missing or the
/// server does not start, every test that uses it fails with the reason: none is skipped.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    /// <summary>The user initdb makes the superuser; trusted on loopback only, for a cluster that lives as long as the run.</summary>
    private const string Superuser = "postgres";

    private string _folder = "";
    private string _binaries = "";
    private bool _asPostgresUser;
    private bool _started;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries();
        // PostgreSQL refuses to run as root; a root test run (a container, CI) runs it as the
        // package's own postgres user, which must own the folder.
        _asPostgresUser = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), "newsroom-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (_asPostgresUser)
            await RunAsync("chown", ["-R", $"{Superuser}:", _folder], asPostgresUser: false);

        var data = Path.Combine(_folder, "data");
        // A UTF-8 locale, as a production cluster has: the text-search parser and [:punct:] read
        // non-ASCII letters and punctuation by it.
        await RunAsync(Path.Combine(_binaries, "initdb"),
            ["-D", data, "-U", Superuser, "-A", "trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], _asPostgresUser);

        Port = FreeLoopbackPort();
        // Durability is not what these tests are about: without fsync the cluster is much faster.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} " +
                      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(Path.Combine(_binaries, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], _asPostgresUser);
        _started = true;
    }

    /// <summary>An empty database of its own, and the connection string the app is given for it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "newsroom_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        // Each test's database is dropped with the cluster; idle connections need not linger till then.
        ConnectionIdleLifetime = 10,
    }.ToString();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_started)
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"),
                    ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser);
            }
        }
        finally
        {
            try
            {
                if (Directory.Exists(_folder))
                    Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; a failed test because of it would not be.
            }
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSROOM_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"NEWSROOM_PG_BIN={configured} holds no initdb.");
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "The PostgreSQL tests need PostgreSQL's server programs and found no /usr/lib/postgresql/*/bin/initdb: " +
            "install Debian's postgresql package (./test.sh does) or set NEWSROOM_PG_BIN to the folder holding initdb and pg_ctl.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var argument in new[] { "-u", Superuser, "--", program })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program} for the PostgreSQL tests.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"The PostgreSQL tests could not run {Path.GetFileName(program)} {string.Join(' ', arguments)} " +
                $"(exit code {process.ExitCode}): {await error} {await output}" +
                (File.Exists(log) ? "\nServer log:\n" + await File.ReadAllTextAsync(log) : ""));
        }
    }
}

/// <summary>The test classes that share the run's one PostgreSQL cluster (each test still gets a database of its own).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
