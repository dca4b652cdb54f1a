"""PyInstaller runtime hook: runs before any app code, so before the first `import paddle`.

Paddle finds its dlopen'ed libraries in two ways, and neither works in a bundle on its own:
- libmklml_intel.so through FLAGS_mklml_dir, read from the environment when libpaddle loads;
- libwarpctc.so (CTC loss: rec training), liblapack, ... through the folder that
  `paddle.base.core.set_paddle_lib_path()` finds as `<site-packages>/paddle/libs` using
  `site.getsitepackages()`. A bundle has no site-packages, so the bundle folder is put first in
  that list (paddle stops at the first folder that has paddle/libs).
The GPU build finds the pip CUDA libraries (nvidia/*) relative to the paddle package, which the spec
keeps at <bundle>/nvidia.
"""
import os
import sys


def _prepare_paddle() -> None:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return
    libs = os.path.join(bundle, "paddle", "libs")
    if not os.path.isdir(libs):
        return
    os.environ.setdefault("FLAGS_mklml_dir", libs)
    os.environ.setdefault("GLOG_minloglevel", "2")  # no glog chatter on the CLI's stderr
    import warnings

    # paddle.utils.cpp_extension warns at import that no C++ compiler cache exists: irrelevant here.
    warnings.filterwarnings("ignore", message="No ccache found")
    if sys.platform == "win32":
        # paddle.base.core adds this folder itself; adding it here too covers DLLs loaded earlier.
        os.add_dll_directory(libs)

    import site

    original = getattr(site, "getsitepackages", None)

    def getsitepackages(*args, **kwargs):
        found = list(original(*args, **kwargs)) if original else []
        return [bundle] + [path for path in found if path != bundle]

    site.getsitepackages = getsitepackages


_prepare_paddle()
del _prepare_paddle
