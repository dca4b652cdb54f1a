"""`lcdreader models list|activate|rollback|delete|export|import|verify|publish|use-lab`: the model registry,
and the models of the whole lab (in the lab store: ``LCDREADER_DB`` or Settings, see docs/lab-server.md)."""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("models", help="list, activate, roll back, export or import models")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="all model versions and their metrics")
    for name, help_text in (("activate", "use this model from now on"), ("delete", "delete a finetuned model")):
        actions.add_parser(name, help=help_text).add_argument("name")
    actions.add_parser("rollback", help="go back to the previously active model")
    export = actions.add_parser("export", help="copy a model to a folder (for another PC)")
    export.add_argument("name")
    export.add_argument("folder")
    actions.add_parser("import", help="add a model exported from another PC").add_argument("folder")
    verify = actions.add_parser("verify", help="check every file of every model against its checksums")
    verify.add_argument("--run", action="store_true", dest="read_samples",
                        help="also load each intact model and read the sample screens with it (slow)")
    actions.add_parser("publish", help="put a model in the lab store: every PC of the lab can use it").add_argument("name")
    actions.add_parser("use-lab", help="install and use the lab's active model (checked file by file)")
    parser.set_defaults(run=run)


def describe(version, active: str) -> str:
    from desktop.core.models.source_check import metric_problem

    marker = "*" if version.name == active else " "
    metrics = version.metadata.get("metrics")
    metrics = metrics if isinstance(metrics, dict) else {}
    scores = ", ".join(f"{stage} {m['metric']} {m['before'][m['metric']]:.3f} -> {m['after'][m['metric']]:.3f}"
                       if not metric_problem(m) else f"{stage} (no scores)" for stage, m in metrics.items())
    created = str(version.metadata.get("created", "shipped" if version.bundled else ""))
    if version.damaged:
        return f"{marker} {version.name:<28} damaged: {version.damaged} (delete it or import it again)"
    return f"{marker} {version.name:<28} {created:<26} {scores}".rstrip()


def verify_all(registry, run: bool = False) -> int:
    """Print every file of every model with its state; 1 when any is damaged, missing or unlisted.
    ``run``: an intact model must also read the sample screens (run_check.py)."""
    from desktop.core.models.errors import ModelError
    from desktop.core.ocr_metrics.run_check import sample_problem

    damaged = 0
    for version in registry.list_versions():
        checks = registry.verify_version(version)
        bad = [check for check in checks if not check.ok]
        damaged += bool(bad or version.damaged)
        print(f"{version.name}: {'DAMAGED' if bad or version.damaged else 'ok'} ({len(checks)} files)")
        if version.damaged:
            print(f"  BAD  {version.damaged}")
        for check in checks:
            print(f"  {'ok' if check.ok else 'BAD':<4} {check.path}{'' if check.ok else ': ' + check.problem}")
        if run and not bad and not version.damaged:
            try:
                problem = sample_problem(registry.resolve_model(version.name))
            except ModelError as exc:
                problem = str(exc)
            damaged += bool(problem)
            print(f"  {'BAD' if problem else 'ok':<4} reads the sample screens{': ' + problem if problem else ''}")
    print(f"{damaged} damaged model(s)" if damaged else "all models intact")
    return 1 if damaged else 0


def run(args) -> int:
    from desktop.core.models import registry
    from desktop.core.models.errors import ModelError
    from desktop.core.ocr_metrics.run_check import sample_problem

    if args.action in ("publish", "use-lab"):
        return run_lab(args)
    try:
        if args.action == "list":
            active = registry.active_model_name()
            for version in registry.list_versions():
                print(describe(version, active))
        elif args.action == "activate":
            registry.activate(args.name)
            print(f"active model: {args.name}")
        elif args.action == "rollback":
            print(f"active model: {registry.roll_back()}")
        elif args.action == "delete":
            registry.delete_version(args.name)
            print(f"deleted {args.name}")
        elif args.action == "verify":
            return verify_all(registry, args.read_samples)
        elif args.action == "export":
            print(f"exported to {registry.export_version(args.name, args.folder)}")
        else:
            print(f"imported {registry.import_version(args.folder, sample_problem=sample_problem).name}")
    except (ModelError, OSError) as exc:
        print(f"lcdreader: {exc}", file=sys.stderr)
        return 1
    return 0


def run_lab(args) -> int:
    from desktop.commands.records import open_lab_store
    from desktop.core.labstore.errors import StoreError
    from desktop.core.labstore.lab_models import publish, use_lab_model
    from desktop.core.models.errors import ModelError

    try:
        store = open_lab_store()
        try:
            if args.action == "publish":
                publish(store, args.name)
                print(f"published {args.name}: the lab's active model")
                return 0
            result = use_lab_model(store)
        finally:
            store.close()
    except (StoreError, ModelError, OSError) as exc:
        print(f"lcdreader: {exc}", file=sys.stderr)
        return 1
    if result.fell_back:
        print(f"lcdreader: {result.fell_back}", file=sys.stderr)
        return 1
    print(f"active model: {result.active}")
    return 0
