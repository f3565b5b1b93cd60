using System.Text;

namespace NewsroomEditor.DataBench;

/// <summary>
/// Generated newsroom text in Vietnamese and English: no real article is copied. Words come from
/// lists written for this generator (common words first, so that the sampler makes them common),
/// a topic list per section, place and person names, and invented words built from Vietnamese
/// syllable tables (onset + rime + tone) or English syllables, which give searches rare hits.
/// </summary>
public sealed class ArchiveText
{
    // General vocabulary, most frequent first (the sampler is Zipf-like over this order).
    private static readonly string[] ViCommon =
    [
        "của", "và", "là", "các", "những", "được", "trong", "cho", "với", "có", "không", "này", "đã", "sẽ",
        "người", "năm", "một", "khi", "đến", "theo", "về", "từ", "tại", "cũng", "nhiều", "để", "ra", "đang",
        "phải", "như", "nhưng", "vào", "trên", "sau", "hơn", "mới", "nên", "còn", "thì", "làm", "đó", "việc",
        "người dân", "phát triển", "kinh tế", "Hà Nội", "đường", "hội nghị", "chính quyền", "thành phố",
        "tỉnh", "huyện", "xã", "doanh nghiệp", "dự án", "thị trường", "hoạt động", "chương trình", "kế hoạch",
        "công tác", "quản lý", "đầu tư", "xây dựng", "giải pháp", "chính sách", "triển khai", "thực hiện",
        "báo cáo", "cho biết", "nhấn mạnh", "đề nghị", "yêu cầu", "tiếp tục", "tăng cường", "đảm bảo",
        "địa phương", "cơ quan", "lãnh đạo", "cán bộ", "nhân dân", "cộng đồng", "xã hội", "đời sống",
        "thời gian", "hiện nay", "trước đó", "tuần qua", "sáng nay", "chiều qua", "tháng", "ngày", "giờ",
        "gia đình", "trẻ em", "học sinh", "sinh viên", "công nhân", "nông dân", "lao động", "việc làm",
        "giao thông", "cao tốc", "cầu", "quốc lộ", "hạ tầng", "môi trường", "nước sạch", "điện", "nhà ở",
        "ngân sách", "tài chính", "ngân hàng", "lãi suất", "giá cả", "xuất khẩu", "nhập khẩu", "sản xuất",
        "nông nghiệp", "công nghiệp", "dịch vụ", "du lịch", "văn hóa", "giáo dục", "y tế", "bệnh viện",
        "an toàn", "an ninh", "trật tự", "pháp luật", "quy định", "nghị định", "thông tư", "luật", "Quốc hội",
        "Chính phủ", "Thủ tướng", "bộ trưởng", "ủy ban", "sở", "phòng", "đoàn", "đại biểu", "cử tri",
        "ý kiến", "vấn đề", "khó khăn", "thách thức", "cơ hội", "kết quả", "mục tiêu", "nhiệm vụ", "trách nhiệm",
        "rất", "đều", "chỉ", "lại", "vẫn", "đã từng", "ngay", "luôn", "cùng", "giữa", "dưới", "qua", "bởi",
        "tuy nhiên", "đồng thời", "bên cạnh đó", "ngoài ra", "vì vậy", "do đó", "trong khi", "mặc dù",
        "lớn", "nhỏ", "cao", "thấp", "mạnh", "nhanh", "chậm", "tốt", "mới nhất", "quan trọng", "cần thiết",
        "tăng", "giảm", "đạt", "vượt", "mở rộng", "nâng cao", "hỗ trợ", "kiểm tra", "xử lý", "phối hợp",
        "tổ chức", "tham gia", "tham dự", "khai mạc", "bế mạc", "ký kết", "công bố", "phê duyệt", "khởi công",
        "hoàn thành", "đưa vào sử dụng", "khánh thành", "tổng kết", "đánh giá", "rà soát", "điều chỉnh",
        "đô thị", "nông thôn", "miền núi", "ven biển", "vùng sâu", "khu công nghiệp", "khu dân cư", "chợ",
        "mùa mưa", "bão", "lũ", "hạn hán", "sạt lở", "nắng nóng", "rét đậm", "thời tiết", "nhiệt độ",
        "đồng", "tỷ đồng", "triệu đồng", "nghìn", "phần trăm", "khoảng", "gần", "hơn một nửa", "hàng trăm",
        "đặc biệt", "cụ thể", "chủ yếu", "thường xuyên", "lâu dài", "bền vững", "hiệu quả", "minh bạch",
        "người đứng đầu", "phóng viên", "báo chí", "thông tin", "truyền thông", "mạng xã hội", "điện thoại",
    ];

    private static readonly string[][] ViTopics =
    [
        // Thời sự
        ["hội nghị", "Ban Chấp hành", "nghị quyết", "kỳ họp", "chất vấn", "tiếp xúc cử tri", "cải cách hành chính",
         "tai nạn giao thông", "cháy", "cứu hộ", "công an", "phòng cháy", "khắc phục hậu quả", "di dời", "tái định cư",
         "sắp xếp đơn vị hành chính", "chuyển đổi số", "dịch vụ công", "thủ tục", "giải phóng mặt bằng"],
        // Kinh tế
        ["tăng trưởng", "GDP", "lạm phát", "tỷ giá", "chứng khoán", "cổ phiếu", "trái phiếu", "vốn", "tín dụng",
         "doanh thu", "lợi nhuận", "thuế", "hải quan", "chuỗi cung ứng", "logistics", "bất động sản", "giá xăng",
         "giá vàng", "khởi nghiệp", "hợp tác xã", "thương mại điện tử", "cảng biển", "FDI"],
        // Văn hóa
        ["lễ hội", "di sản", "bảo tàng", "triển lãm", "nghệ sĩ", "ca sĩ", "bộ phim", "sân khấu", "âm nhạc",
         "hội họa", "văn học", "nhà văn", "tác phẩm", "làng nghề", "áo dài", "ẩm thực", "phở", "chùa", "đình làng",
         "Tết", "Trung thu", "di tích"],
        // Thể thao
        ["bóng đá", "đội tuyển", "huấn luyện viên", "cầu thủ", "trận đấu", "bàn thắng", "giải vô địch", "V-League",
         "sân vận động", "huy chương vàng", "SEA Games", "vận động viên", "điền kinh", "bơi lội", "cầu lông",
         "bóng chuyền", "quần vợt", "cổ động viên", "hiệp hai", "phút bù giờ"],
        // Thế giới
        ["quốc tế", "Liên Hợp Quốc", "ASEAN", "hội nghị thượng đỉnh", "ngoại giao", "đại sứ", "thỏa thuận",
         "xung đột", "lệnh ngừng bắn", "bầu cử", "tổng thống", "thủ tướng", "biên giới", "người tị nạn",
         "biến đổi khí hậu", "thương mại", "thuế quan"],
        // Giáo dục
        ["kỳ thi", "tốt nghiệp", "tuyển sinh", "đại học", "giáo viên", "học phí", "sách giáo khoa", "chương trình mới",
         "trường học", "lớp học", "điểm chuẩn", "học bổng", "nghiên cứu", "giảng viên", "mầm non"],
        // Sức khỏe
        ["bác sĩ", "bệnh nhân", "phẫu thuật", "vắc xin", "tiêm chủng", "dịch bệnh", "sốt xuất huyết", "bảo hiểm y tế",
         "thuốc", "khám chữa bệnh", "dinh dưỡng", "trạm y tế", "cấp cứu", "điều trị"],
        // Công nghệ
        ["công nghệ", "trí tuệ nhân tạo", "dữ liệu", "an ninh mạng", "điện thoại thông minh", "ứng dụng", "phần mềm",
         "internet", "5G", "bán dẫn", "thanh toán điện tử", "nền tảng số", "lừa đảo trực tuyến"],
        // Pháp luật
        ["tòa án", "phiên tòa", "bị cáo", "viện kiểm sát", "khởi tố", "điều tra", "bản án", "luật sư", "tạm giam",
         "tham nhũng", "buôn lậu", "gian lận", "vi phạm", "xử phạt"],
    ];

    private static readonly string[] ViPlaces =
    [
        "Hà Nội", "TP.HCM", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nghệ An", "Thanh Hóa", "Quảng Ninh",
        "Lào Cai", "Hà Giang", "Sơn La", "Điện Biên", "Bắc Ninh", "Hưng Yên", "Nam Định", "Ninh Bình", "Hà Tĩnh",
        "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Lâm Đồng",
        "Đắk Lắk", "Gia Lai", "Kon Tum", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang",
        "Bến Tre", "Vĩnh Long", "An Giang", "Kiên Giang", "Cà Mau", "Bạc Liêu", "Sóc Trăng", "Đồng Tháp",
        "Tây Ninh", "Bình Phước", "Thái Nguyên", "Phú Thọ", "Yên Bái", "Tuyên Quang", "Cao Bằng", "Lạng Sơn",
        "Hòa Bình", "Vĩnh Phúc", "Hải Dương", "Thái Bình", "Hà Nam", "Ninh Thuận", "Bình Thuận", "Đắk Nông",
        "Hậu Giang", "Trà Vinh", "Bắc Giang", "Bắc Kạn", "Lai Châu", "Phú Quốc", "Sa Pa", "Hội An",
    ];

    private static readonly string[] ViFamilyNames =
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Mai", "Trịnh", "Lương"];

    private static readonly string[] ViMiddleNames =
        ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Hữu", "Đức", "Ngọc", "Thu", "Hoài", "Xuân", "Bảo", "Gia", "Kim", "Anh"];

    private static readonly string[] ViGivenNames =
    [
        "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Huy", "Hương", "Khánh",
        "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Nhung", "Phong", "Phúc", "Phương", "Quân",
        "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thành", "Thu", "Thủy", "Trang", "Trung", "Tuấn", "Tùng", "Vân",
        "Việt", "Vy", "Yến", "Đạt", "Điệp", "Đông",
    ];

    private static readonly string[] EnCommon =
    [
        "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "was", "with", "said", "as", "by", "it",
        "at", "from", "has", "have", "be", "are", "will", "its", "an", "not", "this", "were", "but", "which",
        "after", "more", "than", "new", "year", "people", "government", "city", "province", "officials", "also",
        "about", "who", "their", "had", "been", "would", "over", "last", "first", "two", "could", "into", "week",
        "Hanoi", "Vietnam", "economy", "road", "conference", "authorities", "ministry", "project", "plan",
        "development", "investment", "market", "companies", "workers", "residents", "local", "national",
        "according to", "percent", "billion", "million", "dong", "report", "meeting", "policy", "public",
        "state", "support", "growth", "prices", "increase", "decrease", "region", "district", "commune",
        "infrastructure", "traffic", "expressway", "bridge", "water", "power", "housing", "school", "hospital",
        "health", "education", "culture", "tourism", "farmers", "exports", "imports", "production", "industry",
        "services", "budget", "bank", "interest rates", "law", "regulation", "decree", "National Assembly",
        "Prime Minister", "minister", "committee", "department", "delegates", "voters", "issue", "challenge",
        "opportunity", "results", "target", "however", "meanwhile", "while", "although", "because", "since",
        "large", "small", "high", "low", "strong", "fast", "slow", "important", "necessary", "sustainable",
        "reach", "expand", "improve", "inspect", "handle", "coordinate", "organize", "take part", "open",
        "sign", "announce", "approve", "complete", "evaluate", "review", "adjust", "urban", "rural",
        "mountainous", "coastal", "industrial park", "market", "rainy season", "storm", "flood", "drought",
        "landslide", "heat wave", "weather", "temperature", "nearly", "around", "hundreds", "especially",
        "mainly", "regularly", "long-term", "effective", "transparent", "reporters", "information", "social media",
    ];

    private static readonly string[][] EnTopics =
    [
        ["conference", "resolution", "session", "questioning", "administrative reform", "traffic accident", "fire",
         "rescue", "police", "relocation", "digital transformation", "public services", "procedures", "land clearance"],
        ["GDP", "inflation", "exchange rate", "stock market", "shares", "bonds", "capital", "credit", "revenue",
         "profit", "tax", "customs", "supply chain", "logistics", "real estate", "fuel prices", "gold prices", "startups", "seaport"],
        ["festival", "heritage", "museum", "exhibition", "artist", "singer", "film", "theatre", "music", "painting",
         "literature", "writer", "craft village", "ao dai", "cuisine", "pho", "pagoda", "Tet", "Mid-Autumn"],
        ["football", "national team", "coach", "player", "match", "goal", "championship", "V-League", "stadium",
         "gold medal", "SEA Games", "athlete", "athletics", "swimming", "badminton", "volleyball", "tennis", "fans"],
        ["international", "United Nations", "ASEAN", "summit", "diplomacy", "ambassador", "agreement", "conflict",
         "ceasefire", "election", "president", "border", "refugees", "climate change", "trade", "tariffs"],
        ["exam", "graduation", "enrolment", "university", "teachers", "tuition", "textbooks", "new curriculum",
         "schools", "classrooms", "benchmark scores", "scholarship", "research", "lecturers", "kindergarten"],
        ["doctors", "patients", "surgery", "vaccine", "vaccination", "epidemic", "dengue fever", "health insurance",
         "medicine", "treatment", "nutrition", "clinic", "emergency"],
        ["technology", "artificial intelligence", "data", "cybersecurity", "smartphone", "app", "software",
         "internet", "5G", "semiconductors", "e-payments", "digital platform", "online fraud"],
        ["court", "trial", "defendant", "procuracy", "prosecution", "investigation", "verdict", "lawyer", "detention",
         "corruption", "smuggling", "fraud", "violation", "fine"],
    ];

    private static readonly string[] EnPlaces =
    [
        "Hanoi", "Ho Chi Minh City", "Da Nang", "Hai Phong", "Can Tho", "Hue", "Nghe An", "Thanh Hoa",
        "Quang Ninh", "Lao Cai", "Ha Giang", "Son La", "Bac Ninh", "Khanh Hoa", "Lam Dong", "Dak Lak", "Binh Duong",
        "Dong Nai", "Long An", "An Giang", "Ca Mau", "Phu Quoc", "Sa Pa", "Hoi An", "the Mekong Delta", "the Central Highlands",
    ];

    // Syllable tables for invented Vietnamese words: an onset, a rime, a tone on the rime's main vowel.
    private static readonly string[] Onsets =
        ["b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", ""];

    private static readonly string[] Rimes =
    [
        "a", "ai", "ao", "am", "an", "ang", "anh", "at", "ac", "ach", "ay", "au", "ăm", "ăn", "ăng", "ăt", "ăc",
        "âm", "ân", "âng", "ât", "âc", "ây", "âu", "e", "em", "en", "et", "ec", "eo", "ê", "êm", "ên", "ênh", "êt",
        "êch", "êu", "i", "im", "in", "inh", "it", "ich", "iu", "ia", "iêm", "iên", "iêng", "iêt", "iêu", "o", "oi",
        "om", "on", "ong", "ot", "oc", "oa", "oan", "oang", "oanh", "oat", "oai", "oe", "ô", "ôi", "ôm", "ôn", "ông",
        "ôt", "ôc", "ơ", "ơi", "ơm", "ơn", "ơt", "u", "ui", "um", "un", "ung", "ut", "uc", "ua", "uôn", "uông",
        "uôt", "uôc", "uôi", "uy", "uyên", "uyêt", "ư", "ưa", "ưng", "ưt", "ưc", "ươi", "ươn", "ương", "ươt", "ươc",
    ];

    private const string Vowels = "aăâeêioôơuưy";

    // Each vowel in the six tones: level, sắc, huyền, hỏi, ngã, nặng.
    private static readonly string[] Toned =
    [
        "aáàảãạ", "ăắằẳẵặ", "âấầẩẫậ", "eéèẻẽẹ", "êếềểễệ", "iíìỉĩị", "oóòỏõọ", "ôốồổỗộ", "ơớờởỡợ", "uúùủũụ", "ưứừửữự", "yýỳỷỹỵ",
    ];

    private static readonly string[] EnSyllables =
        ["bar", "ton", "mel", "vik", "dra", "lor", "sen", "kal", "mur", "ith", "ox", "pra", "quen", "rul", "tas", "ven", "wick", "zor", "ber", "nal", "fen", "gor"];

    private readonly WordSampler _viCommon = new(ViCommon, 1.0);
    private readonly WordSampler _enCommon = new(EnCommon, 1.0);
    private readonly WordSampler[] _viTopics = ViTopics.Select(t => new WordSampler(t, 0.7)).ToArray();
    private readonly WordSampler[] _enTopics = EnTopics.Select(t => new WordSampler(t, 0.7)).ToArray();
    private readonly WordSampler _viPlaces = new(ViPlaces, 0.9);
    private readonly WordSampler _enPlaces = new(EnPlaces, 0.9);

    public static int TopicCount => ViTopics.Length;

    public static string PersonName(Random random) =>
        $"{Pick(random, ViFamilyNames)} {Pick(random, ViMiddleNames)} {Pick(random, ViGivenNames)}";

    /// <summary>About 500 distinct tags: places, topic words and a few two-word tags, in both languages.</summary>
    public static (IReadOnlyList<string> Vi, IReadOnlyList<string> En) Tags(Random random, int count)
    {
        var vi = new List<string>();
        var en = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(List<string> list, string tag)
        {
            if (tag.Length <= 50 && seen.Add(tag))
                list.Add(tag);
        }
        foreach (var place in ViPlaces) Add(vi, place);
        foreach (var topic in ViTopics.SelectMany(t => t)) Add(vi, Capitalize(topic));
        foreach (var place in EnPlaces) Add(en, place);
        foreach (var topic in EnTopics.SelectMany(t => t)) Add(en, Capitalize(topic));
        while (vi.Count + en.Count < count)
        {
            var topic = random.Next(ViTopics.Length);
            if (random.NextDouble() < 0.7)
                Add(vi, $"{Capitalize(Pick(random, ViTopics[topic]))} {Pick(random, ViPlaces)}");
            else
                Add(en, $"{Capitalize(Pick(random, EnTopics[topic]))} in {Pick(random, EnPlaces)}");
        }
        return (vi, en);
    }

    public string Headline(Random random, string language, int topic)
    {
        // Five to eight items (most are two syllables): a headline of some 8–16 words, its slug well under the limit.
        var words = random.Next(5, 9);
        return Capitalize(Phrase(random, language, topic, words));
    }

    public string Sentence(Random random, string language, int topic)
    {
        var builder = new StringBuilder(160);
        AppendSentence(builder, random, language, topic);
        return builder.ToString();
    }

    /// <summary>
    /// Paragraphs of 2–6 sentences until about <paramref name="words"/> words are written, counted
    /// as the editor counts them (<c>StoryBody.WordCount</c>: runs of text between spaces, so a
    /// Vietnamese syllable is a word).
    /// </summary>
    public List<string> Paragraphs(Random random, string language, int topic, int words)
    {
        var paragraphs = new List<string>();
        var builder = new StringBuilder(1024);
        var written = 0;
        while (written < words)
        {
            builder.Clear();
            var sentences = random.Next(2, 7);
            for (var s = 0; s < sentences && written < words; s++)
            {
                if (s > 0)
                    builder.Append(' ');
                written += AppendSentence(builder, random, language, topic);
            }
            paragraphs.Add(builder.ToString());
        }
        return paragraphs;
    }

    private int AppendSentence(StringBuilder builder, Random random, string language, int topic)
    {
        var start = builder.Length;
        AppendPhrase(builder, random, language, topic, random.Next(7, 18));
        builder[start] = char.ToUpperInvariant(builder[start]);
        builder.Append(random.NextDouble() < 0.06 ? '?' : '.');
        var words = 1;
        for (var i = start; i < builder.Length; i++)
            if (builder[i] == ' ')
                words++;
        return words;
    }

    private string Phrase(Random random, string language, int topic, int words)
    {
        var builder = new StringBuilder(words * 8);
        AppendPhrase(builder, random, language, topic, words);
        return builder.ToString();
    }

    private void AppendPhrase(StringBuilder builder, Random random, string language, int topic, int words)
    {
        var vietnamese = language == "vi";
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
                builder.Append(w > 3 && random.NextDouble() < 0.07 ? ", " : " ");
            var roll = random.NextDouble();
            if (roll < 0.58)
                builder.Append((vietnamese ? _viCommon : _enCommon).Next(random));
            else if (roll < 0.90)
                builder.Append((vietnamese ? _viTopics : _enTopics)[topic].Next(random));
            else if (roll < 0.95)
                builder.Append((vietnamese ? _viPlaces : _enPlaces).Next(random));
            else if (roll < 0.97)
                builder.Append(PersonName(random));
            else if (roll < 0.985)
                builder.Append(random.Next(2, 2000));
            else
                AppendInventedWord(builder, random, vietnamese);
        }
    }

    private static void AppendInventedWord(StringBuilder builder, Random random, bool vietnamese)
    {
        if (!vietnamese)
        {
            var syllables = random.Next(2, 4);
            for (var s = 0; s < syllables; s++)
                builder.Append(Pick(random, EnSyllables));
            return;
        }
        var count = random.Next(1, 3);
        for (var s = 0; s < count; s++)
        {
            if (s > 0)
                builder.Append(' ');
            builder.Append(Syllable(random));
        }
    }

    /// <summary>A Vietnamese-looking syllable with its tone on the vowel that carries it.</summary>
    public static string Syllable(Random random)
    {
        var onset = Pick(random, Onsets);
        var rime = Pick(random, Rimes);
        var front = rime[0] is 'e' or 'ê' or 'i' or 'y';
        onset = onset switch
        {
            "c" when front => "k",
            "ng" when front => "ngh",
            "g" when front => "gh",
            "qu" when rime[0] is 'u' or 'o' or 'ư' => "h",
            "gi" when rime[0] == 'i' => "g",
            _ => onset,
        };
        var stop = rime.EndsWith('c') || rime.EndsWith('t') || rime.EndsWith('p') || rime.EndsWith("ch", StringComparison.Ordinal);
        var tone = stop ? (random.Next(2) == 0 ? 1 : 5) : random.Next(6);
        var chars = rime.ToCharArray();
        var at = ToneIndex(rime);
        var vowel = Vowels.IndexOf(chars[at], StringComparison.Ordinal);
        chars[at] = Toned[vowel][tone];
        return onset + new string(chars);
    }

    // The vowel with its own diacritic (the last, for ươ), else the last vowel before a coda, else the first of two.
    private static int ToneIndex(string rime)
    {
        var marked = rime.LastIndexOfAny(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
        if (marked >= 0)
            return marked;
        var lastVowel = -1;
        var firstVowel = -1;
        for (var i = 0; i < rime.Length; i++)
        {
            if (Vowels.Contains(rime[i], StringComparison.Ordinal))
            {
                if (firstVowel < 0) firstVowel = i;
                lastVowel = i;
            }
        }
        var hasCoda = lastVowel < rime.Length - 1;
        return hasCoda ? lastVowel : firstVowel;
    }

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Draws words with probability falling as 1 / rank^s, in constant time from a lookup table.</summary>
    private sealed class WordSampler
    {
        private const int TableSize = 1 << 14;
        private readonly string[] _table = new string[TableSize];

        public WordSampler(IReadOnlyList<string> words, double exponent)
        {
            var weights = Enumerable.Range(1, words.Count).Select(rank => 1 / Math.Pow(rank, exponent)).ToArray();
            var total = weights.Sum();
            var slot = 0;
            var cumulative = 0.0;
            for (var i = 0; i < words.Count; i++)
            {
                cumulative += weights[i] / total;
                var end = i == words.Count - 1 ? TableSize : (int)Math.Round(cumulative * TableSize);
                for (; slot < end; slot++)
                    _table[slot] = words[i];
            }
        }

        public string Next(Random random) => _table[random.Next(TableSize)];
    }
}
