"""The instrument profile: learned from confirmed readings, it flags misreads that do not fit and
suggests the one plausible value, never applying it."""
import json

import pytest

from desktop.core.reading import issue_message
from desktop.core.reading.profile import FILE_NAME, InstrumentProfiles, fits_profile, shape_of
from desktop.core.reading.reading import Reading


def reading(value: str, unit: str = "A", key: str = "电流", template: str = "generic") -> Reading:
    number = float(value) if value.replace(".", "").lstrip("-").isdigit() else None
    return Reading(key, "current", value, number, unit, 0.9, True, [0], template=template)


def learned(*values: str, unit: str = "A") -> InstrumentProfiles:
    profiles = InstrumentProfiles()
    profiles.learn([reading(v, unit) for v in values])
    return profiles


def test_shape_of_numbers():
    assert [shape_of(v) for v in ("3.77", "-12.50", "1870", ".5", "12:30", "ZR-3260")] == [
        "d.dd", "dd.dd", "dddd", ".d", None, None]


def test_no_profile_flags_nothing():
    checked = InstrumentProfiles().check_one(reading("377"))
    assert checked.valid and checked.issues == [] and checked.suggestion == ""


@pytest.mark.parametrize("misread, truth, confirmed", [
    ("377", "3.77", ("3.52",)),         # the decimal point lost
    ("187.0", "1870", ("1865",)),       # a decimal point seen that is not there
    ("22", "122", ("122", "118")),      # the leading digit lost
    ("-22", "-122", ("-122",)),         # ... keeping the sign
])
def test_a_misread_is_flagged_with_the_one_plausible_value_suggested(misread, truth, confirmed):
    profiles = learned(*confirmed)
    checked = profiles.check_one(reading(misread))
    assert not checked.valid and not fits_profile(checked)
    assert checked.suggestion == truth
    assert checked.value == misread  # suggested, never applied


def test_the_reason_names_the_shape_in_both_languages():
    (code,) = learned("3.52").check_one(reading("377")).issues
    assert issue_message(code, "en") == "ddd where this instrument shows d.dd."
    assert issue_message(code, "zh") == "读数格式为 ddd，而该仪器显示 d.dd。"


def test_a_value_of_the_learned_shape_is_ok_and_an_autoranging_meter_learns_both_shapes():
    profiles = learned("3.52")
    assert profiles.check_one(reading("1.25")).valid
    profiles.learn([reading("12.5")])
    assert profiles.check_one(reading("10.0")).valid
    assert not profiles.check_one(reading("100")).valid


def test_no_suggestion_when_more_than_one_value_is_plausible():
    profiles = learned("3.77", "45.1")  # 377 could be 3.77 or 37.7
    checked = profiles.check_one(reading("377"))
    assert not checked.valid and checked.suggestion == ""
    assert learned("3.77", "12.5").check_one(reading("377")).suggestion == "3.77"  # 37.7: beyond the range


def test_a_lost_digit_is_suggested_only_within_the_confirmed_range():
    checked = learned("500").check_one(reading("22"))  # 122, 222, ... 922: none near 500 alone
    assert not checked.valid and checked.suggestion == ""


def test_sign_and_unit_are_learned():
    profiles = learned("3.52")
    sign, = profiles.check_one(reading("-3.52")).issues
    assert issue_message(sign, "en") == "A sign (-) this instrument has not shown."
    unit, = profiles.check_one(reading("3.52", unit="V")).issues
    assert issue_message(unit, "zh") == "单位为 V，而该仪器显示 A。"


def test_profiles_are_per_template_and_key():
    profiles = learned("3.52")
    assert profiles.check_one(reading("377", template="panel-meter")).valid
    assert profiles.check_one(reading("377", key="电压", unit="A")).valid


def test_a_fitting_value_loses_an_old_profile_flag_and_keeps_other_issues():
    profiles = learned("3.52")
    flagged = profiles.check_one(reading("377"))
    flagged.value, flagged.number = "3.77", 3.77
    assert profiles.check_one(flagged).valid
    other = reading("3.77")
    other.issues = ["out_of_range"]
    assert profiles.check_one(other).issues == ["out_of_range"] and not profiles.check_one(other).valid


def test_profiles_survive_a_restart(tmp_path):
    path = tmp_path / FILE_NAME
    InstrumentProfiles(path).learn([reading("3.52")])
    assert json.loads(path.read_text(encoding="utf-8"))["templates"]["generic"]["电流"]["shapes"] == ["d.dd"]
    assert InstrumentProfiles(path).check_one(reading("377")).suggestion == "3.77"
    assert not list(tmp_path.glob("*.tmp"))  # written atomically


def test_a_damaged_file_starts_an_empty_profile(tmp_path):
    path = tmp_path / FILE_NAME
    path.write_text("{not json", encoding="utf-8")
    assert InstrumentProfiles(path).check_one(reading("377")).valid
    assert (tmp_path / "instrument_profiles.damaged.json").read_text(encoding="utf-8") == "{not json"  # kept
