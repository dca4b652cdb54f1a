"""PP-OCRv6 small as a Paddle model set, made from the ONNX files in the installed rapidocr wheel.

Why at first use: the weights may not be copied into our repository, the wheel is installed with
the app anyway, and the network code (``det_network.py``, ``rec_network.py``, generated once by
``scripts/generate_ppocrv6.py``) is ours. So the first time ``pp-ocrv6`` (or a model built on it) is
asked for, the ONNX initializers are read (``onnx_weights.py``: data only, nothing unpickled), loaded
into those networks and saved with ``paddle.jit.save`` as Paddle inference models: a few seconds, once.
The result is kept in the cache folder (``paths.cache_dir``), or in the bundle when the installer build made it there.

The folder (``base-models/pp-ocrv6``) holds ``det/``, ``rec/`` (``inference.json`` + ``.pdiparams``),
``keys.txt`` (the recogniser's characters, from the ONNX metadata), ``source.json`` (the ONNX files'
SHA-256 and our networks' digest: an upgraded wheel or regenerated code is converted again) and
``sha256.txt`` (checked before every load, models/builtin.py; a damaged cache is converted again).
"""
from __future__ import annotations

import errno
import hashlib
import importlib
import importlib.util
import json
import os
import shutil
from pathlib import Path

from desktop.core.atomic_files import replace_folder
from desktop.core.models.errors import ModelError
from desktop.core.models.integrity import check_manifest, sha256_file, write_manifest
from desktop.core.models.model_files import DetInput, ModelSet, base_model_set, write_det_input
from desktop.core.resources import app_root, bundle_dir

NAME = "pp-ocrv6"
STAGES = ("det", "rec")
ONNX_FILES = {stage: f"PP-OCRv6_{stage}_small.onnx" for stage in STAGES}
INPUT_SPECS = {"det": [None, 3, None, None], "rec": [None, 3, 48, None]}
# rapidocr's PP-OCRv6 detector config: input normalised with mean and std 0.5 (not ImageNet's), and
# its DB post-processing. Run with PP-OCRv4's (0.6, 1.5, no dilation) it read 34.6 % of the values on
# the synthetic photos of benchmarks/forgetting.py; with these, 40.9 % (rapidocr's own ONNX pipeline: 39 %).
DET_INPUT = DetInput(mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5), box_thresh=0.5, unclip_ratio=1.6, use_dilation=True)
SOURCE_FILE = "source.json"
KEYS_FILE = "keys.txt"
FOLDER = Path("base-models") / NAME


def installed_onnx_dir() -> Path | None:
    """The rapidocr wheel's model folder when this is not the bundle (which carries the converted set)."""
    if bundle_dir():
        return None
    try:
        return rapidocr_models_dir()
    except ModelError:
        return None


def rapidocr_models_dir() -> Path:
    """The rapidocr (3.x) wheel's model folder: the ONNX files we convert."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("PP-OCRv6 is missing: the rapidocr package (3.10) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "models"


def _networks_digest() -> str:
    """Our side of the conversion: network code and weight names; a change converts again."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("det_network.py", "rec_network.py", "weight_names.json"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _model_set(folder: Path) -> ModelSet:
    # no v6 direction classifier in Paddle format: PP-OCRv4's serves (only used with use_cls)
    return ModelSet(name=NAME, det_dir=folder / "det", rec_dir=folder / "rec", keys_path=folder / KEYS_FILE,
                    cls_dir=base_model_set().cls_dir, family=NAME)


def _is_complete(folder: Path, sources: dict[str, str] | None) -> bool:
    """Converted, (when the wheel's files are known) from these very files, and intact since: a damaged
    cache is simply made again."""
    try:
        recorded = json.loads((folder / SOURCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (sources is None or recorded == sources) and all(check.ok for check in check_manifest(folder))


def ppocrv6_model_set() -> ModelSet:
    """The converted PP-OCRv6 model set: from the bundle, else the data folder (converted if needed)."""
    from desktop.core.paths import cache_dir

    bundled = app_root() / FOLDER
    if bundle_dir() and _is_complete(bundled, None):
        return _model_set(bundled)
    models = rapidocr_models_dir()
    onnx = {stage: models / name for stage, name in ONNX_FILES.items()}
    missing = [str(path) for path in onnx.values() if not path.is_file()]
    if missing:
        raise ModelError(f"PP-OCRv6 is missing from the rapidocr package: {', '.join(missing)}")
    sources = {stage: sha256_file(path) for stage, path in onnx.items()}
    sources["networks"] = _networks_digest()
    sources["det_input"] = repr(DET_INPUT)
    target = cache_dir() / FOLDER
    if not _is_complete(target, sources):
        from desktop.core.models.load_progress import report

        report("convert_ppocrv6")
        convert_ppocrv6(onnx, target, sources)
        report("load")
    return _model_set(target)


def convert_ppocrv6(onnx: dict[str, Path], target: Path, sources: dict[str, str]) -> None:
    """Write the Paddle model set into ``target``: built beside it, then renamed into place."""
    partial = target.with_name(f"{target.name}.partial-{os.getpid()}")  # the app and a command may race
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        _write_model_set(onnx, partial, sources)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)  # nothing half made stays behind
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise ModelError(f"the disk is full: converting PP-OCRv6 needs about 30 MB in {target.parent}; "
                             f"free some space and start again") from exc
        raise
    replace_folder(partial, target)


def _write_model_set(onnx: dict[str, Path], folder: Path, sources: dict[str, str]) -> None:
    from desktop.core.models.ppocrv6.onnx_weights import read_onnx

    names = json.loads((Path(__file__).with_name("weight_names.json")).read_text(encoding="utf-8"))
    for stage in STAGES:
        weights, metadata = read_onnx(onnx[stage])
        _save_network(stage, {param: weights[source] for param, source in names[stage].items()}, folder / stage)
        if stage == "rec":
            characters = metadata.get("character", "").split("\n")
            if len(characters) < 2:
                raise ModelError(f"{onnx[stage]}: no character list in its metadata")
            (folder / KEYS_FILE).write_text("\n".join(characters) + "\n", encoding="utf-8")
    write_det_input(folder / "det", DET_INPUT)
    (folder / SOURCE_FILE).write_text(json.dumps(sources, indent=1) + "\n", encoding="utf-8")
    write_manifest(folder)  # sha256.txt: checked before every load (models/builtin.py)


def _save_network(stage: str, weights: dict, folder: Path) -> None:
    import paddle

    was_static = not paddle.in_dynamic_mode()
    paddle.disable_static()
    try:
        network = importlib.import_module(f"desktop.core.models.ppocrv6.{stage}_network").Network()
        missing = set(network.state_dict()) - set(weights)
        if missing:
            raise ModelError(f"PP-OCRv6 {stage}: weights missing for {sorted(missing)[:3]}")
        network.set_state_dict(weights)
        network.eval()
        spec = [paddle.static.InputSpec(INPUT_SPECS[stage], "float32", "x")]
        paddle.jit.save(paddle.jit.to_static(network, input_spec=spec, full_graph=True), str(folder / "inference"))
    finally:
        if was_static:
            paddle.enable_static()
