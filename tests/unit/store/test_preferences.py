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
