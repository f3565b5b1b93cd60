using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsroomEditor.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Data only: stories tagged before tag pages existed get their tag slugs (Story.TagSlugs, made
    /// by Slugs.FromText: diacritics dropped, "đ" to "d", lower-case ASCII letters and digits joined
    /// by single hyphens; each tag's slug once, in the tags' order, between '|'). The letters with
    /// diacritics and the combining marks are listed in the map; any other character breaks a word.
    /// Down leaves the slugs: they are what the app itself writes.
    /// </summary>
    public partial class TagSlugBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"WITH
    map(ch, out) AS (SELECT * FROM (VALUES
                (N'À', 'a'), (N'Á', 'a'), (N'Â', 'a'), (N'Ã', 'a'), (N'Ä', 'a'), (N'Å', 'a'), (N'Ç', 'c'), (N'È', 'e'),
                (N'É', 'e'), (N'Ê', 'e'), (N'Ë', 'e'), (N'Ì', 'i'), (N'Í', 'i'), (N'Î', 'i'), (N'Ï', 'i'), (N'Ñ', 'n'),
                (N'Ò', 'o'), (N'Ó', 'o'), (N'Ô', 'o'), (N'Õ', 'o'), (N'Ö', 'o'), (N'Ù', 'u'), (N'Ú', 'u'), (N'Û', 'u'),
                (N'Ü', 'u'), (N'Ý', 'y'), (N'à', 'a'), (N'á', 'a'), (N'â', 'a'), (N'ã', 'a'), (N'ä', 'a'), (N'å', 'a'),
                (N'ç', 'c'), (N'è', 'e'), (N'é', 'e'), (N'ê', 'e'), (N'ë', 'e'), (N'ì', 'i'), (N'í', 'i'), (N'î', 'i'),
                (N'ï', 'i'), (N'ñ', 'n'), (N'ò', 'o'), (N'ó', 'o'), (N'ô', 'o'), (N'õ', 'o'), (N'ö', 'o'), (N'ù', 'u'),
                (N'ú', 'u'), (N'û', 'u'), (N'ü', 'u'), (N'ý', 'y'), (N'ÿ', 'y'), (N'Ā', 'a'), (N'ā', 'a'), (N'Ă', 'a'),
                (N'ă', 'a'), (N'Ą', 'a'), (N'ą', 'a'), (N'Ć', 'c'), (N'ć', 'c'), (N'Ĉ', 'c'), (N'ĉ', 'c'), (N'Ċ', 'c'),
                (N'ċ', 'c'), (N'Č', 'c'), (N'č', 'c'), (N'Ď', 'd'), (N'ď', 'd'), (N'Đ', 'd'), (N'đ', 'd'), (N'Ē', 'e'),
                (N'ē', 'e'), (N'Ĕ', 'e'), (N'ĕ', 'e'), (N'Ė', 'e'), (N'ė', 'e'), (N'Ę', 'e'), (N'ę', 'e'), (N'Ě', 'e'),
                (N'ě', 'e'), (N'Ĝ', 'g'), (N'ĝ', 'g'), (N'Ğ', 'g'), (N'ğ', 'g'), (N'Ġ', 'g'), (N'ġ', 'g'), (N'Ģ', 'g'),
                (N'ģ', 'g'), (N'Ĥ', 'h'), (N'ĥ', 'h'), (N'Ĩ', 'i'), (N'ĩ', 'i'), (N'Ī', 'i'), (N'ī', 'i'), (N'Ĭ', 'i'),
                (N'ĭ', 'i'), (N'Į', 'i'), (N'į', 'i'), (N'İ', 'i'), (N'Ĵ', 'j'), (N'ĵ', 'j'), (N'Ķ', 'k'), (N'ķ', 'k'),
                (N'Ĺ', 'l'), (N'ĺ', 'l'), (N'Ļ', 'l'), (N'ļ', 'l'), (N'Ľ', 'l'), (N'ľ', 'l'), (N'Ń', 'n'), (N'ń', 'n'),
                (N'Ņ', 'n'), (N'ņ', 'n'), (N'Ň', 'n'), (N'ň', 'n'), (N'Ō', 'o'), (N'ō', 'o'), (N'Ŏ', 'o'), (N'ŏ', 'o'),
                (N'Ő', 'o'), (N'ő', 'o'), (N'Ŕ', 'r'), (N'ŕ', 'r'), (N'Ŗ', 'r'), (N'ŗ', 'r'), (N'Ř', 'r'), (N'ř', 'r'),
                (N'Ś', 's'), (N'ś', 's'), (N'Ŝ', 's'), (N'ŝ', 's'), (N'Ş', 's'), (N'ş', 's'), (N'Š', 's'), (N'š', 's'),
                (N'Ţ', 't'), (N'ţ', 't'), (N'Ť', 't'), (N'ť', 't'), (N'Ũ', 'u'), (N'ũ', 'u'), (N'Ū', 'u'), (N'ū', 'u'),
                (N'Ŭ', 'u'), (N'ŭ', 'u'), (N'Ů', 'u'), (N'ů', 'u'), (N'Ű', 'u'), (N'ű', 'u'), (N'Ų', 'u'), (N'ų', 'u'),
                (N'Ŵ', 'w'), (N'ŵ', 'w'), (N'Ŷ', 'y'), (N'ŷ', 'y'), (N'Ÿ', 'y'), (N'Ź', 'z'), (N'ź', 'z'), (N'Ż', 'z'),
                (N'ż', 'z'), (N'Ž', 'z'), (N'ž', 'z'), (N'Ơ', 'o'), (N'ơ', 'o'), (N'Ư', 'u'), (N'ư', 'u'), (N'Ǎ', 'a'),
                (N'ǎ', 'a'), (N'Ǐ', 'i'), (N'ǐ', 'i'), (N'Ǒ', 'o'), (N'ǒ', 'o'), (N'Ǔ', 'u'), (N'ǔ', 'u'), (N'Ǖ', 'u'),
                (N'ǖ', 'u'), (N'Ǘ', 'u'), (N'ǘ', 'u'), (N'Ǚ', 'u'), (N'ǚ', 'u'), (N'Ǜ', 'u'), (N'ǜ', 'u'), (N'Ǟ', 'a'),
                (N'ǟ', 'a'), (N'Ǡ', 'a'), (N'ǡ', 'a'), (N'Ǧ', 'g'), (N'ǧ', 'g'), (N'Ǩ', 'k'), (N'ǩ', 'k'), (N'Ǫ', 'o'),
                (N'ǫ', 'o'), (N'Ǭ', 'o'), (N'ǭ', 'o'), (N'ǰ', 'j'), (N'Ǵ', 'g'), (N'ǵ', 'g'), (N'Ǹ', 'n'), (N'ǹ', 'n'),
                (N'Ǻ', 'a'), (N'ǻ', 'a'), (N'Ȁ', 'a'), (N'ȁ', 'a'), (N'Ȃ', 'a'), (N'ȃ', 'a'), (N'Ȅ', 'e'), (N'ȅ', 'e'),
                (N'Ȇ', 'e'), (N'ȇ', 'e'), (N'Ȉ', 'i'), (N'ȉ', 'i'), (N'Ȋ', 'i'), (N'ȋ', 'i'), (N'Ȍ', 'o'), (N'ȍ', 'o'),
                (N'Ȏ', 'o'), (N'ȏ', 'o'), (N'Ȑ', 'r'), (N'ȑ', 'r'), (N'Ȓ', 'r'), (N'ȓ', 'r'), (N'Ȕ', 'u'), (N'ȕ', 'u'),
                (N'Ȗ', 'u'), (N'ȗ', 'u'), (N'Ș', 's'), (N'ș', 's'), (N'Ț', 't'), (N'ț', 't'), (N'Ȟ', 'h'), (N'ȟ', 'h'),
                (N'Ȧ', 'a'), (N'ȧ', 'a'), (N'Ȩ', 'e'), (N'ȩ', 'e'), (N'Ȫ', 'o'), (N'ȫ', 'o'), (N'Ȭ', 'o'), (N'ȭ', 'o'),
                (N'Ȯ', 'o'), (N'ȯ', 'o'), (N'Ȱ', 'o'), (N'ȱ', 'o'), (N'Ȳ', 'y'), (N'ȳ', 'y'), (N'Ḁ', 'a'), (N'ḁ', 'a'),
                (N'Ḃ', 'b'), (N'ḃ', 'b'), (N'Ḅ', 'b'), (N'ḅ', 'b'), (N'Ḇ', 'b'), (N'ḇ', 'b'), (N'Ḉ', 'c'), (N'ḉ', 'c'),
                (N'Ḋ', 'd'), (N'ḋ', 'd'), (N'Ḍ', 'd'), (N'ḍ', 'd'), (N'Ḏ', 'd'), (N'ḏ', 'd'), (N'Ḑ', 'd'), (N'ḑ', 'd'),
                (N'Ḓ', 'd'), (N'ḓ', 'd'), (N'Ḕ', 'e'), (N'ḕ', 'e'), (N'Ḗ', 'e'), (N'ḗ', 'e'), (N'Ḙ', 'e'), (N'ḙ', 'e'),
                (N'Ḛ', 'e'), (N'ḛ', 'e'), (N'Ḝ', 'e'), (N'ḝ', 'e'), (N'Ḟ', 'f'), (N'ḟ', 'f'), (N'Ḡ', 'g'), (N'ḡ', 'g'),
                (N'Ḣ', 'h'), (N'ḣ', 'h'), (N'Ḥ', 'h'), (N'ḥ', 'h'), (N'Ḧ', 'h'), (N'ḧ', 'h'), (N'Ḩ', 'h'), (N'ḩ', 'h'),
                (N'Ḫ', 'h'), (N'ḫ', 'h'), (N'Ḭ', 'i'), (N'ḭ', 'i'), (N'Ḯ', 'i'), (N'ḯ', 'i'), (N'Ḱ', 'k'), (N'ḱ', 'k'),
                (N'Ḳ', 'k'), (N'ḳ', 'k'), (N'Ḵ', 'k'), (N'ḵ', 'k'), (N'Ḷ', 'l'), (N'ḷ', 'l'), (N'Ḹ', 'l'), (N'ḹ', 'l'),
                (N'Ḻ', 'l'), (N'ḻ', 'l'), (N'Ḽ', 'l'), (N'ḽ', 'l'), (N'Ḿ', 'm'), (N'ḿ', 'm'), (N'Ṁ', 'm'), (N'ṁ', 'm'),
                (N'Ṃ', 'm'), (N'ṃ', 'm'), (N'Ṅ', 'n'), (N'ṅ', 'n'), (N'Ṇ', 'n'), (N'ṇ', 'n'), (N'Ṉ', 'n'), (N'ṉ', 'n'),
                (N'Ṋ', 'n'), (N'ṋ', 'n'), (N'Ṍ', 'o'), (N'ṍ', 'o'), (N'Ṏ', 'o'), (N'ṏ', 'o'), (N'Ṑ', 'o'), (N'ṑ', 'o'),
                (N'Ṓ', 'o'), (N'ṓ', 'o'), (N'Ṕ', 'p'), (N'ṕ', 'p'), (N'Ṗ', 'p'), (N'ṗ', 'p'), (N'Ṙ', 'r'), (N'ṙ', 'r'),
                (N'Ṛ', 'r'), (N'ṛ', 'r'), (N'Ṝ', 'r'), (N'ṝ', 'r'), (N'Ṟ', 'r'), (N'ṟ', 'r'), (N'Ṡ', 's'), (N'ṡ', 's'),
                (N'Ṣ', 's'), (N'ṣ', 's'), (N'Ṥ', 's'), (N'ṥ', 's'), (N'Ṧ', 's'), (N'ṧ', 's'), (N'Ṩ', 's'), (N'ṩ', 's'),
                (N'Ṫ', 't'), (N'ṫ', 't'), (N'Ṭ', 't'), (N'ṭ', 't'), (N'Ṯ', 't'), (N'ṯ', 't'), (N'Ṱ', 't'), (N'ṱ', 't'),
                (N'Ṳ', 'u'), (N'ṳ', 'u'), (N'Ṵ', 'u'), (N'ṵ', 'u'), (N'Ṷ', 'u'), (N'ṷ', 'u'), (N'Ṹ', 'u'), (N'ṹ', 'u'),
                (N'Ṻ', 'u'), (N'ṻ', 'u'), (N'Ṽ', 'v'), (N'ṽ', 'v'), (N'Ṿ', 'v'), (N'ṿ', 'v'), (N'Ẁ', 'w'), (N'ẁ', 'w'),
                (N'Ẃ', 'w'), (N'ẃ', 'w'), (N'Ẅ', 'w'), (N'ẅ', 'w'), (N'Ẇ', 'w'), (N'ẇ', 'w'), (N'Ẉ', 'w'), (N'ẉ', 'w'),
                (N'Ẋ', 'x'), (N'ẋ', 'x'), (N'Ẍ', 'x'), (N'ẍ', 'x'), (N'Ẏ', 'y'), (N'ẏ', 'y'), (N'Ẑ', 'z'), (N'ẑ', 'z'),
                (N'Ẓ', 'z'), (N'ẓ', 'z'), (N'Ẕ', 'z'), (N'ẕ', 'z'), (N'ẖ', 'h'), (N'ẗ', 't'), (N'ẘ', 'w'), (N'ẙ', 'y'),
                (N'Ạ', 'a'), (N'ạ', 'a'), (N'Ả', 'a'), (N'ả', 'a'), (N'Ấ', 'a'), (N'ấ', 'a'), (N'Ầ', 'a'), (N'ầ', 'a'),
                (N'Ẩ', 'a'), (N'ẩ', 'a'), (N'Ẫ', 'a'), (N'ẫ', 'a'), (N'Ậ', 'a'), (N'ậ', 'a'), (N'Ắ', 'a'), (N'ắ', 'a'),
                (N'Ằ', 'a'), (N'ằ', 'a'), (N'Ẳ', 'a'), (N'ẳ', 'a'), (N'Ẵ', 'a'), (N'ẵ', 'a'), (N'Ặ', 'a'), (N'ặ', 'a'),
                (N'Ẹ', 'e'), (N'ẹ', 'e'), (N'Ẻ', 'e'), (N'ẻ', 'e'), (N'Ẽ', 'e'), (N'ẽ', 'e'), (N'Ế', 'e'), (N'ế', 'e'),
                (N'Ề', 'e'), (N'ề', 'e'), (N'Ể', 'e'), (N'ể', 'e'), (N'Ễ', 'e'), (N'ễ', 'e'), (N'Ệ', 'e'), (N'ệ', 'e'),
                (N'Ỉ', 'i'), (N'ỉ', 'i'), (N'Ị', 'i'), (N'ị', 'i'), (N'Ọ', 'o'), (N'ọ', 'o'), (N'Ỏ', 'o'), (N'ỏ', 'o'),
                (N'Ố', 'o'), (N'ố', 'o'), (N'Ồ', 'o'), (N'ồ', 'o'), (N'Ổ', 'o'), (N'ổ', 'o'), (N'Ỗ', 'o'), (N'ỗ', 'o'),
                (N'Ộ', 'o'), (N'ộ', 'o'), (N'Ớ', 'o'), (N'ớ', 'o'), (N'Ờ', 'o'), (N'ờ', 'o'), (N'Ở', 'o'), (N'ở', 'o'),
                (N'Ỡ', 'o'), (N'ỡ', 'o'), (N'Ợ', 'o'), (N'ợ', 'o'), (N'Ụ', 'u'), (N'ụ', 'u'), (N'Ủ', 'u'), (N'ủ', 'u'),
                (N'Ứ', 'u'), (N'ứ', 'u'), (N'Ừ', 'u'), (N'ừ', 'u'), (N'Ử', 'u'), (N'ử', 'u'), (N'Ữ', 'u'), (N'ữ', 'u'),
                (N'Ự', 'u'), (N'ự', 'u'), (N'Ỳ', 'y'), (N'ỳ', 'y'), (N'Ỵ', 'y'), (N'ỵ', 'y'), (N'Ỷ', 'y'), (N'ỷ', 'y'),
                (N'Ỹ', 'y'), (N'ỹ', 'y'), (NCHAR(768), ''), (NCHAR(769), ''), (NCHAR(770), ''), (NCHAR(771), ''), (NCHAR(772), ''), (NCHAR(773), ''),
                (NCHAR(774), ''), (NCHAR(775), ''), (NCHAR(776), ''), (NCHAR(777), ''), (NCHAR(778), ''), (NCHAR(779), ''), (NCHAR(780), ''), (NCHAR(781), ''),
                (NCHAR(782), ''), (NCHAR(783), ''), (NCHAR(784), ''), (NCHAR(785), ''), (NCHAR(786), ''), (NCHAR(787), ''), (NCHAR(788), ''), (NCHAR(789), ''),
                (NCHAR(790), ''), (NCHAR(791), ''), (NCHAR(792), ''), (NCHAR(793), ''), (NCHAR(794), ''), (NCHAR(795), ''), (NCHAR(796), ''), (NCHAR(797), ''),
                (NCHAR(798), ''), (NCHAR(799), ''), (NCHAR(800), ''), (NCHAR(801), ''), (NCHAR(802), ''), (NCHAR(803), ''), (NCHAR(804), ''), (NCHAR(805), ''),
                (NCHAR(806), ''), (NCHAR(807), ''), (NCHAR(808), ''), (NCHAR(809), ''), (NCHAR(810), ''), (NCHAR(811), ''), (NCHAR(812), ''), (NCHAR(813), ''),
                (NCHAR(814), ''), (NCHAR(815), ''), (NCHAR(816), ''), (NCHAR(817), ''), (NCHAR(818), ''), (NCHAR(819), ''), (NCHAR(820), ''), (NCHAR(821), ''),
                (NCHAR(822), ''), (NCHAR(823), ''), (NCHAR(824), ''), (NCHAR(825), ''), (NCHAR(826), ''), (NCHAR(827), ''), (NCHAR(828), ''), (NCHAR(829), ''),
                (NCHAR(830), ''), (NCHAR(831), ''), (NCHAR(832), ''), (NCHAR(833), ''), (NCHAR(834), ''), (NCHAR(835), ''), (NCHAR(836), ''), (NCHAR(837), ''),
                (NCHAR(838), ''), (NCHAR(839), ''), (NCHAR(840), ''), (NCHAR(841), ''), (NCHAR(842), ''), (NCHAR(843), ''), (NCHAR(844), ''), (NCHAR(845), ''),
                (NCHAR(846), ''), (NCHAR(847), ''), (NCHAR(848), ''), (NCHAR(849), ''), (NCHAR(850), ''), (NCHAR(851), ''), (NCHAR(852), ''), (NCHAR(853), ''),
                (NCHAR(854), ''), (NCHAR(855), ''), (NCHAR(856), ''), (NCHAR(857), ''), (NCHAR(858), ''), (NCHAR(859), ''), (NCHAR(860), ''), (NCHAR(861), ''),
                (NCHAR(862), ''), (NCHAR(863), ''), (NCHAR(864), ''), (NCHAR(865), ''), (NCHAR(866), ''), (NCHAR(867), ''), (NCHAR(868), ''), (NCHAR(869), ''),
                (NCHAR(870), ''), (NCHAR(871), ''), (NCHAR(872), ''), (NCHAR(873), ''), (NCHAR(874), ''), (NCHAR(875), ''), (NCHAR(876), ''), (NCHAR(877), ''),
                (NCHAR(878), ''), (NCHAR(879), ''), (NCHAR(6832), ''), (NCHAR(6833), ''), (NCHAR(6834), ''), (NCHAR(6835), ''), (NCHAR(6836), ''), (NCHAR(6837), ''),
                (NCHAR(6838), ''), (NCHAR(6839), ''), (NCHAR(6840), ''), (NCHAR(6841), ''), (NCHAR(6842), ''), (NCHAR(6843), ''), (NCHAR(6844), ''), (NCHAR(6845), ''),
                (NCHAR(6847), ''), (NCHAR(6848), ''), (NCHAR(6849), ''), (NCHAR(6850), ''), (NCHAR(6851), ''), (NCHAR(6852), ''), (NCHAR(6853), ''), (NCHAR(6854), ''),
                (NCHAR(6855), ''), (NCHAR(6856), ''), (NCHAR(6857), ''), (NCHAR(6858), ''), (NCHAR(6859), ''), (NCHAR(6860), ''), (NCHAR(6861), ''), (NCHAR(6862), ''),
                (NCHAR(7616), ''), (NCHAR(7617), ''), (NCHAR(7618), ''), (NCHAR(7619), ''), (NCHAR(7620), ''), (NCHAR(7621), ''), (NCHAR(7622), ''), (NCHAR(7623), ''),
                (NCHAR(7624), ''), (NCHAR(7625), ''), (NCHAR(7626), ''), (NCHAR(7627), ''), (NCHAR(7628), ''), (NCHAR(7629), ''), (NCHAR(7630), ''), (NCHAR(7631), ''),
                (NCHAR(7632), ''), (NCHAR(7633), ''), (NCHAR(7634), ''), (NCHAR(7635), ''), (NCHAR(7636), ''), (NCHAR(7637), ''), (NCHAR(7638), ''), (NCHAR(7639), ''),
                (NCHAR(7640), ''), (NCHAR(7641), ''), (NCHAR(7642), ''), (NCHAR(7643), ''), (NCHAR(7644), ''), (NCHAR(7645), ''), (NCHAR(7646), ''), (NCHAR(7647), ''),
                (NCHAR(7648), ''), (NCHAR(7649), ''), (NCHAR(7650), ''), (NCHAR(7651), ''), (NCHAR(7652), ''), (NCHAR(7653), ''), (NCHAR(7654), ''), (NCHAR(7655), ''),
                (NCHAR(7656), ''), (NCHAR(7657), ''), (NCHAR(7658), ''), (NCHAR(7659), ''), (NCHAR(7660), ''), (NCHAR(7661), ''), (NCHAR(7662), ''), (NCHAR(7663), ''),
                (NCHAR(7664), ''), (NCHAR(7665), ''), (NCHAR(7666), ''), (NCHAR(7667), ''), (NCHAR(7668), ''), (NCHAR(7669), ''), (NCHAR(7670), ''), (NCHAR(7671), ''),
                (NCHAR(7672), ''), (NCHAR(7673), ''), (NCHAR(7674), ''), (NCHAR(7675), ''), (NCHAR(7676), ''), (NCHAR(7677), ''), (NCHAR(7678), ''), (NCHAR(7679), ''),
                (NCHAR(8400), ''), (NCHAR(8401), ''), (NCHAR(8402), ''), (NCHAR(8403), ''), (NCHAR(8404), ''), (NCHAR(8405), ''), (NCHAR(8406), ''), (NCHAR(8407), ''),
                (NCHAR(8408), ''), (NCHAR(8409), ''), (NCHAR(8410), ''), (NCHAR(8411), ''), (NCHAR(8412), ''), (NCHAR(8417), ''), (NCHAR(8421), ''), (NCHAR(8422), ''),
                (NCHAR(8423), ''), (NCHAR(8424), ''), (NCHAR(8425), ''), (NCHAR(8426), ''), (NCHAR(8427), ''), (NCHAR(8428), ''), (NCHAR(8429), ''), (NCHAR(8430), ''),
                (NCHAR(8431), ''), (NCHAR(8432), ''), (NCHAR(65056), ''), (NCHAR(65057), ''), (NCHAR(65058), ''), (NCHAR(65059), ''), (NCHAR(65060), ''), (NCHAR(65061), ''),
                (NCHAR(65062), ''), (NCHAR(65063), ''), (NCHAR(65064), ''), (NCHAR(65065), ''), (NCHAR(65066), ''), (NCHAR(65067), ''), (NCHAR(65068), ''), (NCHAR(65069), ''),
                (NCHAR(65070), ''), (NCHAR(65071), '')) AS m(ch, out)),
    tags(id, rest, n, tag) AS (
        SELECT Id, CAST(TagList + N'|' AS nvarchar(max)), 0, CAST(NULL AS nvarchar(max)) FROM Stories WHERE TagList <> N'' AND TagSlugs = N''
        UNION ALL
        SELECT id, CAST(SUBSTRING(rest, CHARINDEX(N'|', rest) + 1, 4000) AS nvarchar(max)), n + 1, CAST(SUBSTRING(rest, 1, CHARINDEX(N'|', rest) - 1) AS nvarchar(max))
        FROM tags WHERE rest <> N''),
    numbers(p) AS (
        SELECT 1
        UNION ALL
        SELECT p + 1 FROM numbers WHERE p < (SELECT MAX(LEN(TagList + N'x')) FROM Stories))
SELECT t.id, t.n, LEN(t.tag + N'x') - 1 AS length, numbers.p AS pos,
       COALESCE(map.out, CASE WHEN SUBSTRING(t.tag, numbers.p, 1) COLLATE Latin1_General_100_BIN2 LIKE N'[a-zA-Z0-9]'
                              THEN LOWER(SUBSTRING(t.tag, numbers.p, 1)) ELSE N'-' END) AS o
INTO #TagChars
FROM tags t JOIN numbers ON numbers.p <= LEN(t.tag + N'x') - 1
LEFT JOIN map ON map.ch = SUBSTRING(t.tag, numbers.p, 1) COLLATE Latin1_General_100_BIN2
WHERE t.tag IS NOT NULL
OPTION (MAXRECURSION 0);

WITH
    walk(id, n, length, pos, slug, pending) AS (
        SELECT DISTINCT id, n, length, 0, CAST(N'' AS nvarchar(max)), 0 FROM #TagChars
        UNION ALL
        SELECT w.id, w.n, w.length, w.pos + 1,
               CAST(CASE WHEN c.o IN (N'', N'-') THEN w.slug WHEN w.pending = 1 AND w.slug <> N'' THEN w.slug + N'-' + c.o ELSE w.slug + c.o END AS nvarchar(max)),
               CASE WHEN c.o = N'-' THEN 1 WHEN c.o = N'' THEN w.pending ELSE 0 END
        FROM walk w JOIN #TagChars c ON c.id = w.id AND c.n = w.n AND c.pos = w.pos + 1)
SELECT id, MIN(n) AS n, slug
INTO #TagSlugs
FROM walk
WHERE pos = length AND slug <> N''
GROUP BY id, slug
OPTION (MAXRECURSION 0);

UPDATE Stories
SET TagSlugs = N'|' + (SELECT STRING_AGG(s.slug, N'|') WITHIN GROUP (ORDER BY s.n) FROM #TagSlugs s WHERE s.id = Stories.Id) + N'|'
WHERE Id IN (SELECT id FROM #TagSlugs);

DROP TABLE #TagChars;
DROP TABLE #TagSlugs;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
