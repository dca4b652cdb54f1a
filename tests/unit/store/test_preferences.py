from desktop.core.preferences import Preferences, load_preferences, save_preferences, validate


def test_defaults_when_missing(tmp_path):
    prefs, warnings = load_preferences(tmp_path / "nope.yaml")
    assert prefs == Preferences() and warnings == []


def test_roundtrip(tmp_path):
    path = tmp_path / "p.yaml"
    save_preferences(Preferences(device="cpu", stable_frames=5, language="zh_CN", template="温湿度计"), path)
    prefs, warnings = load_preferences(path)
    assert (prefs.device, prefs.stable_frames, prefs.language, prefs.template) == ("cpu", 5, "zh_CN", "温湿度计")
    assert warnings == []


def test_corrupt_yaml_gives_defaults_and_warning(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("device: [cpu\n  ::: {", encoding="utf-8")
    prefs, warnings = load_preferences(path)
    assert prefs == Preferences() and len(warnings) == 1


def test_not_a_mapping(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    prefs, warnings = load_preferences(path)
    assert prefs == Preferences() and warnings


def test_binary_garbage(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xff\xfe\x00garbage\x80")
    prefs, warnings = load_preferences(path)
    assert prefs == Preferences() and warnings


def test_bad_values_fall_back_individually():
    prefs, warnings = validate({"device": "tpu", "stable_frames": 0, "det_size": 960, "bogus": 1,
                                "low_confidence": 2, "language": "en"})
    assert prefs.device == "auto" and prefs.stable_frames == 3 and prefs.det_size == 960
    assert prefs.language == "en" and prefs.low_confidence == 0.8
    assert len(warnings) == 4


def test_session_dir(tmp_path):
    prefs = Preferences(data_folder=str(tmp_path / "lab"))
    assert prefs.session_dir() == tmp_path / "lab" and (tmp_path / "lab").is_dir()


def test_record_number_pattern_is_checked():
    from desktop.core.preferences import validate

    prefs, warnings = validate({"record_number": "CAL-{date:%Y}-{seq:03d}"})
    assert prefs.record_number == "CAL-{date:%Y}-{seq:03d}" and warnings == []
    prefs, warnings = validate({"record_number": "CAL-{customer}"})
    assert prefs.record_number == "LCD-{date:%Y%m%d}-{seq:04d}" and "record_number" in warnings[0]


def test_every_preference_has_one_check_in_the_table():
    from dataclasses import fields

    from desktop.core.preferences import CHECKS

    assert set(CHECKS) == {f.name for f in fields(Preferences)}


# What the former if/elif chain in preferences._check refused, by preference (one value of each kind it
# told apart), and the reason it gave: the table refuses the same values with the same words.
REFUSED = [
    ("device", "tpu", "must be one of auto, cpu, gpu"),
    ("language", "fr", "must be one of auto, en, zh_CN"),
    ("certificate_title", "report", "must be record or certificate"),
    ("model", 3, "must be text"),
    ("lab_name", ["a"], "must be text"),
    ("lab_database", None, "must be text"),  # unlike the other texts, an empty entry is no URL
    ("lab_database", "sqlite:///x.db", "must be a PostgreSQL URL"),
    ("lab_database", "postgresql://u:secret@server/lab", "must not contain the password"),
    ("lab_min_tur", "0", "must be a number above 0, such as 4"),
    ("lab_min_tur", True, "must be a number above 0, such as 4"),
    ("det_size", 319, "must be a whole number between 320 and 4096"),
    ("det_size", 960.0, "must be a whole number between 320 and 4096"),
    ("stable_frames", True, "must be a whole number between 1 and 30"),
    ("camera_index", 17, "must be a whole number between 0 and 16"),
    ("camera_width", 159, "must be a whole number between 160 and 8192"),
    ("camera_height", 8193, "must be a whole number between 160 and 8192"),
    ("record_number", 7, "must be text"),
    ("low_confidence", 1.5, "must be a number between 0 and 1"),
    ("low_confidence", "0.5", "must be a number between 0 and 1"),
]

# ...and what it kept, as it kept it.
KEPT = [
    ("device", "gpu", "gpu"),
    ("template", None, ""),  # an empty YAML entry is empty text
    ("lab_min_tur", 2.5, "2.5"),  # kept as written, as text
    ("low_confidence", 1, 1.0),
    ("camera_index", 0, 0),
    ("lab_database", "", ""),
    ("lab_database", "postgresql://lab@server/lab", "postgresql://lab@server/lab"),
]


def test_the_table_refuses_what_the_former_checks_refused():
    for name, value, reason in REFUSED:
        prefs, warnings = validate({name: value})
        assert getattr(prefs, name) == getattr(Preferences(), name), name
        assert len(warnings) == 1 and f"Preference '{name}' = {value!r} {reason}" in warnings[0], warnings


def test_the_table_keeps_what_the_former_checks_kept():
    for name, value, kept in KEPT:
        prefs, warnings = validate({name: value})
        assert warnings == [] and getattr(prefs, name) == kept and type(getattr(prefs, name)) is type(kept), name
