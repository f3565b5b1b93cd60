// TEMPORARY stand-in until the richtext branch is merged; deleted at merge.
namespace NewsroomEditor.Core.Stories.RichText;
public sealed record StoryFigure(Guid MediaId, string Alt, string? Caption);
public interface IFigureImageSource { FigureImage? Find(Guid mediaId); }
public sealed record FigureImage(string Src, string? SrcSet, string? Sizes, int? Width, int? Height);
public sealed class InvalidStoryBodyException(string m) : DomainException(m);
public sealed class StoryBody
{
    private readonly string _json;
    private StoryBody(string json) => _json = json;
    public static StoryBody Empty { get; } = new("{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\"}]}");
    public static StoryBody Parse(string json) => new(json);
    public static StoryBody FromParagraphs(IEnumerable<string> paragraphs) =>
        new("{\"type\":\"doc\",\"content\":[" + string.Join(",", paragraphs.Select(p => "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":" + System.Text.Json.JsonSerializer.Serialize(p) + "}]}")) + "]}");
    public string ToJson() => _json;
    public string ToHtml(IFigureImageSource? images = null) => "<p></p>";
    public string ToPlainText() => _json.Contains("\"text\":") ? _json : "";
    public int WordCount => 0;
    public int CharacterCount => 0;
    public IReadOnlyList<StoryFigure> Figures => [];
    public bool IsEmpty => !_json.Contains("\"text\":");
}
