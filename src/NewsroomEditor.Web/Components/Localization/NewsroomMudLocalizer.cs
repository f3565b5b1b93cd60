using Microsoft.Extensions.Localization;
using MudBlazor;

namespace NewsroomEditor.Web.Components.Localization;

/// <summary>
/// MudBlazor's own words (the data grid's pager, filters, pickers) in the interface language,
/// the way MudBlazor documents it: a <see cref="MudLocalizer"/> over our resources. The keys are
/// MudBlazor's (<c>MudDataGrid_RowsPerPage</c>, ...); missing ones fall back to its English.
/// </summary>
public sealed class NewsroomMudLocalizer(IStringLocalizer<MudText> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => localizer[key];

    public override LocalizedString this[string key, params object[] arguments] => localizer[key, arguments];
}

/// <summary>Resources of <see cref="NewsroomMudLocalizer"/>: <c>MudText.vi.resx</c>.</summary>
public sealed class MudText;
