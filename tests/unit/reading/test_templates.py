import sys
from pathlib import Path

import pytest

from desktop.core.reading import Template, TemplateError, list_templates, load_template
from desktop.core.reading.keys import load_keys
from desktop.core.reading.templates import parse_template
from desktop.core.reading.units import load_units
from desktop.core.resources import resource_path, resources_dir

SHIPPED = {
    "generic", "smoke-dust-sampler", "thermo-hygrometer", "pressure-gauge",
    "insulation-tester", "panel-meter", "flow-meter", "timer", "contact-resistance-tester",
}


def test_shipped_templates_all_load():
    assert SHIPPED <= set(list_templates())
    for name in list_templates():
        template = load_template(name)
        assert isinstance(template, Template) and template.name == name
        assert template.title["en"] and template.title["zh"]


def test_generic_has_every_dictionary_key_as_a_field():
    generic = load_template("generic")
    assert len(generic.fields) == len(load_keys().entries)
    assert generic.field_for(load_keys().get("大气压")).name == "atmospheric_pressure"
    assert generic.default_field.entry.key == "示值"


def test_smoke_dust_sampler_covers_the_notes_keys():
    template = load_template("smoke-dust-sampler")
    assert len(template.fields) == 27
    pressure = template.field("atmospheric_pressure")
    assert (pressure.unit, pressure.decimals, pressure.range, pressure.range_unit) == ("kPa", 2, (60.0, 110.0), "kPa")


def test_unknown_template_names_the_available_ones():
    with pytest.raises(TemplateError, match="no-such-meter") as err:
        load_template("no-such-meter")
    message = str(err.value)
    assert "no-such-meter" in message and "generic" in message and "smoke-dust-sampler" in message
    assert isinstance(err.value, ValueError)


def test_template_from_a_file_path(tmp_path):
    path = tmp_path / "my-gauge.yaml"
    path.write_text("fields:\n  - {key: 压力, unit: MPa, range: [0, 1.6]}\ndefault: pressure\n", encoding="utf-8")
    template = load_template(str(path))
    assert template.name == "my-gauge"
    assert template.field("pressure").range_unit == "MPa"


def test_broken_yaml_file_is_a_template_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="cannot read"):
        load_template(str(path))


@pytest.mark.parametrize(
    "data, message",
    [
        ({"fields": [{"key": "不存在"}]}, "not in keys.yaml"),
        ({"fields": [{"unit": "kPa"}]}, "needs a `key`"),
        ({"fields": [{"key": "压力", "units": ["furlong"]}]}, "unknown unit"),
        ({"fields": [{"key": "压力", "unit": "℃"}]}, "not among its units"),
        ({"fields": [{"key": "压力", "range": [5, 1]}]}, "above max"),
        ({"fields": [{"key": "压力", "range": "0-5"}]}, "range must be"),
        ({"fields": [{"key": "压力", "decimals": -1}]}, "decimals"),
        ({"fields": [{"key": "压力", "region": [0.5, 0, 0.2, 1]}]}, "region"),
        ({"fields": [{"key": "压力"}], "default": "flow"}, "default 'flow'"),
        ({"fields": [{"key": "压力"}, {"key": "压力"}]}, "duplicate"),
    ],
)
def test_invalid_templates_are_explained(data, message):
    with pytest.raises(TemplateError, match=message) as err:
        parse_template({"name": "bad", **data}, "bad", load_keys(), load_units())
    assert "'bad'" in str(err.value)


def test_resource_path_in_source_tree_and_frozen_bundle(monkeypatch, tmp_path):
    assert resource_path("keys.yaml").is_file()
    assert resources_dir() == Path(__file__).resolve().parents[3] / "resources"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("templates", "generic.yaml") == tmp_path / "resources" / "templates" / "generic.yaml"
