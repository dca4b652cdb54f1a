"""The photos a technician accepted as read: kept from a real session store, and a new model that
reads any of them otherwise is named and not put in use (issue 27)."""
from __future__ import annotations

import cv2
import numpy as np
from test_screens import LinesEngine, box

from desktop.core.training.accepted import read_differently, write_accepted_source
from desktop.core.training.job_data import load_job_data
from desktop.core.training.payload import parse_job
from desktop.core.training.screens import score_screens

READING = {"key": "电压", "value": "5.00", "unit": "V"}


def stored_photos(tmp_path):
    """A session: accepted as read (file, pasted), corrected, read with no reading, failed."""
    from desktop.core.store.session_store import SessionStore

    store = SessionStore(tmp_path / "store")
    session = store.new_session()
    png = cv2.imencode(".png", np.zeros((60, 400, 3), np.uint8))[1].tobytes()
    photo = tmp_path / "meter.png"
    photo.write_bytes(png)
    ids = {"file": store.add_image(session, "file", "meter.png", path=str(photo)),
           "pasted": store.add_image(session, "clipboard", "pasted.png", data=png),
           "corrected": store.add_image(session, "clipboard", "c.png", data=png),
           "nothing": store.add_image(session, "clipboard", "n.png", data=png),
           "failed": store.add_image(session, "clipboard", "f.png", data=png)}
    for name, image_id in ids.items():
        if name != "failed":
            store.save_result(image_id, width=400, height=60, device="cpu", model="m", elapsed_ms=1.0, boxes=[],
                              readings=[] if name == "nothing" else [READING], template="万用表")
    store.add_correction(ids["corrected"], kind="box", original="5.00", corrected="5.01", boxes=[],
                         readings=[{**READING, "value": "5.01"}], box_index=0)
    store.set_status(ids["failed"], "error", "unreadable")
    store.close()
    return store.path, ids


def test_photos_read_and_never_corrected_are_kept_with_their_readings(tmp_path):
    store_path, ids = stored_photos(tmp_path)
    source = write_accepted_source(store_path, tmp_path / "job")
    assert source.format == "accepted"
    (tmp_path / "train.txt").write_text("", encoding="utf-8")
    data = load_job_data(parse_job({"name": "t", "synthetic_screens": 0, "val": [vars(source)],
                                    "train": [{"format": "rec", "path": str(tmp_path / "train.txt")}]}))
    assert [(s.group, s.readings) for s in data.accepted] == [("万用表", (("电压", "5.00", "V"),))] * 2
    assert data.accepted[0].image == str(tmp_path / "meter.png") and data.screens == []
    assert data.summary()["accepted"] == 2
    assert write_accepted_source(None, tmp_path / "none") is None


def test_a_model_that_reads_an_accepted_photo_otherwise_is_named(tmp_path):
    store_path, _ = stored_photos(tmp_path)
    source = write_accepted_source(store_path, tmp_path / "job")
    (tmp_path / "train.txt").write_text("", encoding="utf-8")
    screens = load_job_data(parse_job({"name": "t", "synthetic_screens": 0, "val": [vars(source)],
                                       "train": [{"format": "rec", "path": str(tmp_path / "train.txt")}]})).accepted
    current = LinesEngine({400: [box("电压", 10, 10), box("5.00", 100, 10), box("V", 190, 10, w=20)]})
    new = LinesEngine({400: [box("电压", 10, 10), box("5.08", 100, 10), box("V", 190, 10, w=20)]})
    assert read_differently(score_screens(current, screens), score_screens(current, screens)) == []
    changed = read_differently(score_screens(current, screens), score_screens(new, screens))
    assert changed == [{"image": s.image, "expected": "电压 5.00 V", "after": "电压 5.08 V"} for s in screens]
