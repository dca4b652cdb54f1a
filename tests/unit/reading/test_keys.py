import pytest

from desktop.core.reading.keys import clean_key_text, edit_distance, load_keys

NOTE_KEYS = [
    "型号", "厂家", "版本号", "检定校准分类", "计量器具编号", "烟尘流量", "累积体积", "烟气温度", "动压", "静压",
    "时间", "试验台编号", "预测流速", "全压", "烟温", "流速", "工况流量", "标杆流量", "烟尘直读嘴", "烟尘采样嘴",
    "大气压", "计前温度", "计前压力", "干球温度", "湿球温度", "流量", "含湿量",
]
COMMON_KEYS = ["温度", "湿度", "压力", "电压", "电流", "绝缘电阻", "频率", "转速", "风速"]


def test_dictionary_has_the_notes_27_keys_and_common_ones_with_english_names():
    keys = load_keys()
    assert len(NOTE_KEYS) == 27
    for key in NOTE_KEYS + COMMON_KEYS:
        entry = keys.get(key)
        assert entry is not None, key
        assert entry.en and entry.id
    for key in COMMON_KEYS:
        assert keys.get(key).units and keys.get(key).range, key
    assert keys.get("model").key == "型号"  # also found by id


@pytest.mark.parametrize(
    "text, key, score",
    [
        ("大气压", "大气压", 1.0),
        ("大.气压", "大气压", 1.0),  # a dot inside the word
        ("大 气 压：", "大气压", 1.0),
        ("大气", "大气压", pytest.approx(2 / 3)),  # a dropped character
        ("计前温", "计前温度", 0.75),
        ("干球温废", "干球温度", 0.75),  # a misread character
        ("大气压力值", "大气压", 0.8),  # an extra character (alias 大气压力)
        ("RH", "湿度", 1.0),  # English alias
        ("temp", "温度", 1.0),
    ],
)
def test_fuzzy_match_tolerates_ocr_slips(text, key, score):
    match = load_keys().match(text)
    assert match.entry is not None and match.entry.key == key
    assert match.score == score


def test_close_candidates_are_ambiguous_not_guessed():
    match = load_keys().match("球温度")
    assert match.entry is None and match.ambiguous
    assert {c.key for c in match.candidates} == {"干球温度", "湿球温度", "温度"}


def test_weak_and_short_latin_matches_are_rejected():
    keys = load_keys()
    assert keys.match("温").entry is None  # one char of a two-char key
    assert keys.match("显度").entry is None and not keys.match("显度").ambiguous
    assert keys.match("AT").entry is None  # not a slip of "ATM"
    for status in ["采样中", "测量中", "正在采样", "设置", "查询", "返回", "菜单"]:  # screen words, not keys
        assert keys.match(status).entry is None and not keys.match(status).ambiguous, status


def test_preferred_entries_break_a_tie():
    keys = load_keys()
    dry = keys.get("干球温度")
    match = keys.match("球温度", preferred=[dry])
    assert match.entry is dry


def test_exact_match_beats_preferred_fuzzy():
    keys = load_keys()
    assert keys.match("烟温", preferred=[keys.get("温度")]).entry.key == "烟温"


def test_helpers():
    assert clean_key_text("大.气 压:") == "大气压"
    assert edit_distance("干球温废", "干球温度") == 1
    assert edit_distance("", "abc") == 3


@pytest.mark.parametrize("label, key", [
    ("TEMPERATURE", "温度"), ("Humidity", "湿度"), ("VOLTAGE", "电压"), ("CURRENT", "电流"), ("FLOW", "流量"),
    ("PRESSURE", "压力"), ("RES", "电阻"), ("Resistance", "电阻"), ("FREQ", "频率"), ("TEMPERATIRE", "温度"),
])
def test_english_screen_labels_are_keys(label, key):
    match = load_keys().match(label)
    assert match.entry is not None and match.entry.key == key, match


@pytest.mark.parametrize("label", ["RRES", "CLOCK/HUMIDITY", "PRINT", "HEADER", "SELEC", "Video"])
def test_latin_words_are_not_fuzzy_matched_into_keys(label):
    # RRES is 0.6 from "Press": it must not become 压力.
    match = load_keys().match(label)
    assert match.entry is None and not match.ambiguous, match


@pytest.mark.parametrize("label, key, tag", [("R-RES", "电阻", "R"), ("Y-RES", "电阻", "Y"), ("B_RES", "电阻", "B"),
                                             ("CH1 VOLT", "电压", "CH1"), ("TEMP-2", "温度", "2")])
def test_a_tagged_label_matches_its_name_and_keeps_the_tag(label, key, tag):
    match = load_keys().match(label)
    assert (match.entry.key, match.score, match.qualifier) == (key, 1.0, tag)


def test_a_long_second_word_is_no_tag():
    assert load_keys().match("CLOCK-TEMP").entry is None


@pytest.mark.parametrize("label", ["INSULATION OL", "绝缘电阻 OL", "RES Err", "VOLT-AB-C"])
def test_a_value_word_or_a_chinese_name_takes_no_tag(label):
    assert load_keys().match(label).qualifier == ""


def test_keys_by_their_english_name_and_named_in_either_language():
    keys = load_keys()
    assert keys.get("Atmospheric pressure").key == "大气压"  # as the English interface shows it
    assert (keys.name("电流", "en"), keys.name("current", "zh"), keys.name("示值", "zh")) == ("current", "电流", "示值")
    assert keys.name("Leak rate", "en") == "Leak rate"  # not a dictionary key: as it is
