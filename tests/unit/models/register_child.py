"""Register a version and activate it, as a training run ends, and die by SIGKILL just before the Nth
file-system step (folder made, file copied, synced, renamed, deleted): a kill -9 at that point.

Usage: python register_child.py N NAME SOURCE. N = 0 never dies; prints how many steps there were.
"""
import os
import shutil
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

steps = 0


def dies_at(kill_at: int, function):
    def step(*args, **kwargs):
        global steps
        steps += 1
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return step


def main() -> None:
    kill_at, name, source = int(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    for module, attribute in ((os, "mkdir"), (os, "fsync"), (os, "rename"), (os, "replace"),
                              (shutil, "copyfile"), (shutil, "rmtree")):
        setattr(module, attribute, dies_at(kill_at, getattr(module, attribute)))
    from desktop.core.models import registry

    registry.add_version(name, source, {"job_work_dir": "job"}, replace=True)
    registry.activate(name)
    print(steps)


if __name__ == "__main__":
    main()
