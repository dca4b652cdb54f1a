import pytest

from desktop.core.label_files import DetRegion, LabelError, format_det_line, read_det_labels, read_rec_labels


def test_det_labels_roundtrip_and_ignored(tmp_path):
    regions = [DetRegion("大气压", ((0, 0), (10, 0), (10, 5), (0, 5))), DetRegion("###", ((1, 1), (2, 1), (2, 2), (1, 2)))]
    path = tmp_path / "Label.txt"
    path.write_text(format_det_line("imgs/a.png", regions) + "\n\n", encoding="utf-8")
    [sample] = read_det_labels(path)
    assert sample.path == "imgs/a.png"
    assert [r.text for r in sample.regions] == ["大气压", "###"]
    assert [r.ignored for r in sample.regions] == [False, True]
    assert sample.regions[0].points[2] == (10.0, 5.0)


def test_difficult_flag_is_ignored_region(tmp_path):
    path = tmp_path / "det_gt.txt"
    path.write_text('a.png\t[{"transcription": "x", "points": [[0,0],[1,0],[1,1],[0,1]], "difficult": true}]\n')
    assert read_det_labels(path)[0].regions[0].ignored


def test_rec_labels_keep_spaces_in_text(tmp_path):
    path = tmp_path / "rec_gt.txt"
    path.write_text("crops/1.png\t100.07 kPa\n", encoding="utf-8")
    assert read_rec_labels(path)[0].text == "100.07 kPa"


@pytest.mark.parametrize("line, message", [("no tab here", "path<TAB>label"), ("a.png\t[{oops", "not a det label")])
def test_bad_lines_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "Label.txt"
    path.write_text("\n" + line + "\n")
    with pytest.raises(LabelError, match=rf"Label.txt:2: .*{message}"):
        read_det_labels(path)


def test_missing_label_file(tmp_path):
    with pytest.raises(LabelError, match="cannot be read"):
        read_rec_labels(tmp_path / "none.txt")
