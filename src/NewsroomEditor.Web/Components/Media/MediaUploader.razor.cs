using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Media;

/// <summary>
/// Uploads photos: drag-and-drop or the picker, several files at once, one row per file with its
/// progress, a Cancel button, and what <see cref="IMediaService.UploadAsync"/> answered (ready, its
/// refusal, or the same photo already in the library). Only the size limit is checked here, before
/// reading, so an oversized file never crosses the connection; every other rule is the service's.
/// </summary>
public sealed partial class MediaUploader : IDisposable
{
    /// <summary>What the picker offers; the service checks the content, whatever the browser says.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,image/heic,image/avif";

    private const int ChunkBytes = 64 * 1024;

    private readonly string _inputId = "media-upload-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<UploadRow> _rows = [];
    private bool _dragging;
    private bool _disposed;

    /// <summary>
    /// An image is ready to use: a new upload, or the library's existing copy when the writer chose
    /// it instead of a duplicate.
    /// </summary>
    [Parameter] public EventCallback<MediaItem> OnUploaded { get; set; }

    /// <summary>Most files taken from one selection; 0 (the default) means <see cref="MediaOptions.MaxFilesPerUpload"/>.</summary>
    [Parameter] public int MaxFiles { get; set; }

    /// <summary>Largest file accepted; 0 (the default) means <see cref="MediaOptions.MaxUploadBytes"/>.</summary>
    [Parameter] public long MaxBytes { get; set; }


    [Inject] private IMediaService Media { get; set; } = default!;
    [Inject] private IOptionsMonitor<MediaOptions> Options { get; set; } = default!;
    [Inject] private IStringLocalizer<MediaText> L { get; set; } = default!;

    private int EffectiveMaxFiles => MaxFiles > 0 ? MaxFiles : Options.CurrentValue.MaxFilesPerUpload;

    private long EffectiveMaxBytes => MaxBytes > 0 ? MaxBytes : Options.CurrentValue.MaxUploadBytes;

    private string FilesText => EffectiveMaxFiles == 1 ? L["1 file"] : L["{0:N0} files", EffectiveMaxFiles];

    private async Task OnFilesChosenAsync(InputFileChangeEventArgs e)
    {
        _dragging = false;
        var files = e.GetMultipleFiles(Math.Max(e.FileCount, 1));
        var batch = new List<(UploadRow Row, IBrowserFile File)>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var row = new UploadRow(file.Name, file.Size);
            _rows.Insert(0, row);
            if (i >= EffectiveMaxFiles)
                row.Refuse(L["Not uploaded: at most {0} at a time.", FilesText]);
            else if (file.Size > EffectiveMaxBytes)
                row.Refuse(L["Too large: {0}; the limit is {1}.", FormatBytes(file.Size), FormatBytes(EffectiveMaxBytes)]);
            else
                batch.Add((row, file));
        }
        StateHasChanged();

        // One file at a time over the connection; the service processes them off this thread.
        foreach (var (row, file) in batch)
        {
            if (_disposed)
                break;
            await UploadAsync(row, file);
        }
    }

    private async Task UploadAsync(UploadRow row, IBrowserFile file)
    {
        var token = row.Cancellation.Token;
        try
        {
            token.ThrowIfCancellationRequested();
            row.Status = UploadStatus.Reading;
            StateHasChanged();

            // A temporary file, not memory: twenty 25 MB photos must not sit in the circuit.
            await using var buffer = new FileStream(
                Path.Combine(Path.GetTempPath(), "newsroom-upload-" + Guid.NewGuid().ToString("N")),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkBytes,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await CopyWithProgressAsync(file, row, buffer, token);
            buffer.Position = 0;

            row.Status = UploadStatus.Processing;
            StateHasChanged();
            var result = await Media.UploadAsync(file.Name, buffer, token);
            await ShowResultAsync(row, result);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            row.Status = UploadStatus.Cancelled;
        }
        catch (DomainException refusal)
        {
            row.Refuse(refusal.Message);
        }
        catch (Exception failure) when (failure is IOException or Microsoft.JSInterop.JSException)
        {
            // Also what a new selection does to files still waiting: the browser forgets the old ones.
            row.Refuse(L["The file could not be read from the browser; choose it again."]);
        }
        finally
        {
            row.Finish();
            if (!_disposed)
                StateHasChanged();
        }
    }

    private async Task CopyWithProgressAsync(IBrowserFile file, UploadRow row, Stream target, CancellationToken token)
    {
        await using var source = file.OpenReadStream(EffectiveMaxBytes, token);
        var chunk = new byte[ChunkBytes];
        var lastShown = -1;
        int read;
        while ((read = await source.ReadAsync(chunk, token)) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, read), token);
            row.Read += read;
            // Rendering each 64 KB chunk would flood the connection; whole percents are enough.
            if ((int)row.Percent != lastShown)
            {
                lastShown = (int)row.Percent;
                StateHasChanged();
            }
        }
        await target.FlushAsync(token);
    }

    private async Task ShowResultAsync(UploadRow row, UploadResult result)
    {
        if (result.Stored is { } stored)
        {
            row.Item = stored;
            row.Status = UploadStatus.Ready;
            await OnUploaded.InvokeAsync(stored);
        }
        else if (result.ExistingDuplicate is { } existing)
        {
            row.Item = existing;
            row.Status = UploadStatus.Duplicate;
        }
        else
        {
            row.Refuse(result.Refusal ?? L["The image was not accepted."]);
        }
    }

    private static Color StatusColor(UploadStatus status) => status switch
    {
        UploadStatus.Ready => Color.Success,
        UploadStatus.Refused => Color.Error,
        UploadStatus.Duplicate => Color.Info,
        _ => Color.Default,
    };

    /// <summary>What the row says: its own message (a refusal, say) or its status's words.</summary>
    private string StatusText(UploadRow row) => row.Message ?? row.Status switch
    {
        UploadStatus.Waiting => L["Waiting…"],
        UploadStatus.Reading => L["Uploading…"],
        UploadStatus.Processing => L["Processing…"],
        UploadStatus.Ready => L["Ready"],
        UploadStatus.Duplicate => L["Already in the library"],
        UploadStatus.Cancelled => L["Cancelled"],
        _ => "",
    };

    /// <summary>A size in the reader's number format: 1.5 MB in English, 1,5 MB in Vietnamese.</summary>
    private static string FormatBytes(long bytes) => ByteSize.Format(bytes);

    public void Dispose()
    {
        _disposed = true;
        foreach (var row in _rows)
            row.Cancel();
    }

    private enum UploadStatus
    {
        Waiting,
        Reading,
        Processing,
        Ready,
        Duplicate,
        Refused,
        Cancelled,
    }

    /// <summary>One chosen file and how far it got.</summary>
    private sealed class UploadRow(string fileName, long size)
    {
        private CancellationTokenSource? _cancellation = new();

        public string FileName { get; } = fileName;

        public long Size { get; } = size;

        public long Read { get; set; }

        public UploadStatus Status { get; set; } = UploadStatus.Waiting;

        /// <summary>What to say instead of the status's own words: a refusal; null for the status.</summary>
        public string? Message { get; set; }

        /// <summary>The stored image, or the library's existing copy of a duplicate.</summary>
        public MediaItem? Item { get; set; }

        public double Percent => Size <= 0 ? 0 : Math.Min(100, Read * 100d / Size);

        public bool CanCancel => Status is UploadStatus.Waiting or UploadStatus.Reading or UploadStatus.Processing && _cancellation is not null;

        public CancellationTokenSource Cancellation => _cancellation ?? throw new InvalidOperationException("The upload has finished.");

        public void Cancel()
        {
            if (_cancellation is null)
                return;
            _cancellation.Cancel();
            if (Status == UploadStatus.Waiting)
                Status = UploadStatus.Cancelled;
        }

        public void Refuse(string message)
        {
            Status = UploadStatus.Refused;
            Message = message;
            Finish();
        }

        /// <summary>Nothing left to cancel.</summary>
        public void Finish()
        {
            _cancellation?.Dispose();
            _cancellation = null;
        }
    }
}
