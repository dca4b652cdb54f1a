from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from desktop.core.records.calibration_record import (
    CalibrationRecord,
    Environment,
    Instrument,
    Laboratory,
    MeasurementPoint,
    Signatory,
    StandardUsed,
)
from desktop.core.records.json_io import load_records

EXAMPLE = Path(__file__).resolve().parents[3] / "resources" / "examples" / "records.json"


@pytest.fixture
def example_records():
    return load_records(EXAMPLE)


@pytest.fixture
def screen_photo(tmp_path) -> Path:
    """A tiny stand-in for a screen photo: dark digits on a light LCD."""
    pixels = np.full((60, 100, 3), (170, 190, 160), dtype=np.uint8)
    pixels[20:40, 10:90] = (30, 30, 30)
    path = tmp_path / "screen.png"
    Image.fromarray(pixels).save(path)
    return path


def make_record(number="LCD-20250314-0001", photo: str = "", **changes) -> CalibrationRecord:
    fields = dict(
        number=number,
        customer="苏州清源环境检测有限公司",
        instrument=Instrument(name="烟尘采样器", model="3012H", manufacturer="崂应", serial="A-001",
                              firmware="V3.26", category="校准"),
        calibration_date=date(2025, 3, 14),
        standards=[StandardUsed(name="数字式气压计", model="DPI 740", serial="740-1127", certificate="YL2024-08812",
                                due_date=date(2025, 9, 20), uncertainty="U=0.02 kPa (k=2)")],
        procedure="JJG 680-2007",
        environment=Environment(temperature="21.6", humidity="48", pressure="101.32"),
        location="302",
        technician="王磊",
        checker="陈静",
        points=[
            MeasurementPoint("大气压", "kPa", "100.00", "100.07", "0.50", "0.05", photo=photo, crop=(10, 20, 80, 20)),
            MeasurementPoint("流量", "L/min", "30.00", "30.5", "1.00", "0.15", photo=photo),
        ],
        remarks="",
        laboratory=Laboratory("苏州示例计量检测有限公司", traceability="本证书所用计量标准均溯源至国家计量基准"),
        signatory=Signatory("李华", "技术负责人"),
    )
    fields.update(changes)
    return CalibrationRecord(**fields)


@pytest.fixture
def new_record():
    """Build a complete record; keyword arguments replace fields."""
    return make_record


@pytest.fixture
def libreoffice():
    """LibreOffice is part of the test command (scripts/install_system_deps.sh installs it): when it is
    missing, the tests that recalculate or print a workbook fail instead of skipping quietly."""
    from desktop.core.records.excel.libreoffice import soffice

    if soffice() is None:
        pytest.fail("LibreOffice (soffice) is missing: run scripts/install_system_deps.sh", pytrace=False)
