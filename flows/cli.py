"""The ``jobmarket`` command line.

Commands that need no orchestration (extract, report, rebuild) never import Prefect."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from pathlib import Path

from flows.config import ConfigError, Paths, configure_prefect, load_config
from flows.stopping import STOPPED, STOPPED_BY, RunStopped, record
from warehouse.errors import WarehouseLocked


def _readable(paths: Paths) -> Path:
    """What a reader opens: the published copy, else (before any publish) the working file."""
    return paths.published if paths.published.exists() else paths.warehouse


def _report(paths: Paths, synthetic: bool = False, chosen=None) -> str:
    from warehouse.loader import connect
    from warehouse.report import market_report, slice_report

    with connect(_readable(paths), read_only=True) as con:
        if chosen is not None and chosen != type(chosen)():
            return slice_report(con, chosen, synthetic=synthetic)
        return market_report(con, synthetic=synthetic)


STOP_GRACE_SECONDS = 7  # then the watchdog ends what is left: the whole stop stays under 10 s


def _stop_on_signals(command: str) -> None:
    """Schedulers stop a job with SIGTERM and a grace period. By default Python dies on it at
    once, without its exit handlers, which left the embedded Prefect server (a uvicorn
    subprocess) running after every stopped run. Raised in the main thread instead, the signal
    unwinds the run: a crawl under way is told to stop (its files stay ``.part``), an open
    warehouse transaction rolls back, Prefect marks the flow run crashed, and the exit handlers
    stop the server.

    The exception can be lost on the way: Prefect swaps in its own SIGTERM handler during a flow
    run, and DuckDB turns an exception raised inside one of its queries into its own "Query
    interrupted" error. So the signal is also read from a wakeup pipe by a watchdog thread, which
    records it and, if the process still runs ``STOP_GRACE_SECONDS`` later, stops its children
    and exits: the warehouse is safe at any instant (every write is one transaction, the
    published copy is swapped in whole), so cutting the unwinding short loses nothing."""

    def stop(signum, frame):
        # once: a second signal while the run unwinds must not interrupt its clean-up
        for again in (signal.SIGTERM, signal.SIGINT):
            signal.signal(again, signal.SIG_IGN)
        record(signum)
        raise RunStopped(signum)

    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    threading.Thread(target=_watchdog, args=(read_end, command), name="stop-watchdog", daemon=True).start()


def _watchdog(read_end: int, command: str) -> None:
    while True:
        signum = os.read(read_end, 1)[0]
        if signum in (signal.SIGTERM, signal.SIGINT):
            break
    record(signum)
    time.sleep(STOP_GRACE_SECONDS)
    import psutil

    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=1.5)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()
    print(f"jobmarket {command}: stopped by {signal.Signals(signum).name}: its clean-up did not end within "
          f"{STOP_GRACE_SECONDS} s; its processes were ended (the warehouse is whole)", file=sys.stderr, flush=True)  # fmt: skip
    os._exit(128 + signum)


def _run_flow(name: str, args: argparse.Namespace) -> int:
    paths = Paths.for_warehouse(args.warehouse)
    if name in ("refresh", "backfill"):
        load_config(args.config)  # a bad config is one line before any Prefect start-up
    if name == "backfill":
        from spiders.platforms.hn_algolia import month_list

        try:
            month_list(f"{args.month_from}..{args.month_to}")
        except ValueError as exc:
            raise ConfigError(f"--from/--to: {exc}") from None
    configure_prefect(paths.warehouse.parent)
    started = time.perf_counter()
    _stop_on_signals(name)
    try:
        code = _run_flow_body(name, args, paths, started)
    except RunStopped:
        code = None
    except Exception:
        # an error a stop caused (the watchdog may read the pipe a moment after it was written)
        if not STOPPED.wait(0.5):
            raise
        code = None
    if STOPPED.is_set():
        print(
            f"jobmarket {name}: stopped by {signal.Signals(STOPPED_BY[0]).name} after "
            f"{time.perf_counter() - started:.1f} s; what was committed is kept, {paths.published} is the "
            "last good copy; run it again to resume",
            file=sys.stderr,
        )
        return 128 + STOPPED_BY[0]
    return code


def _run_flow_body(name: str, args: argparse.Namespace, paths: Paths, started: float) -> int:
    from flows.refresh import RefreshFailed

    try:
        if name == "demo":
            from flows.demo import run_demo

            outcome = run_demo(paths.warehouse)
        elif name == "backfill":
            from flows.backfill import backfill

            outcome = backfill(
                args.month_from, args.month_to, args.config, paths.warehouse, crawl_retries=args.retries
            )
        else:
            from flows.refresh import refresh

            outcome = refresh(args.config, paths.warehouse, crawl_retries=args.retries)
    except RefreshFailed as failed:
        for reason in failed.reasons:
            print(f"jobmarket {name}: FAILED {reason}", file=sys.stderr)
        if name == "backfill":
            print(_months_line(failed.outcome or {}), file=sys.stderr)
        if paths.published.exists() or paths.warehouse.exists():
            print(_report(paths))
        print(f"jobmarket {name}: the run failed; what did land is in {paths.warehouse}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(_report(paths))
    crawled = ", ".join(
        f"{s}: {c['items']} items, {c.get('quarantined', 0)} quarantined"
        for s, c in sorted(outcome["crawls"].items())
    )
    print(
        f"run {outcome['run_id']}: {crawled}; {outcome['extracted']['pending']} postings extracted; "
        f"warehouse {paths.warehouse}, published {outcome['published']} ({elapsed:.1f} s)"
    )
    if outcome.get("html_report"):
        print(f"HTML report with plots: {outcome['html_report']}")
    if name == "backfill":
        print(_months_line(outcome))
    return 0


def _months_line(outcome: dict) -> str:
    failed = outcome.get("months_failed") or []
    return (
        f"backfill: {len(outcome.get('months_done') or [])} months done, {outcome.get('skipped', 0)} skipped "
        f"(done before), {len(failed)} failed"
        + (f": {', '.join(failed)} (crawled again by the next run)" if failed else "")
    )


def cmd_evaluate(args: argparse.Namespace) -> int:
    if args.handwritten or args.directory:
        from pipelines.eval.metrics import main as evaluate

        return evaluate(args.directory, as_json=args.json, show_errors=args.errors)
    from flows.real_eval import main as evaluate_real

    return evaluate_real(args.part, as_json=args.json, show_errors=args.errors, record=args.record)


def cmd_train(args: argparse.Namespace) -> int:
    from flows.train import main as train

    return train()


def cmd_extract(args: argparse.Namespace) -> int:
    from pipelines.extract import extract_file

    if not Path(args.input).exists():
        raise ConfigError(f"input file not found: {args.input}")
    counts = extract_file(Path(args.input), Path(args.output))
    print(f"extracted {counts['extracted']} postings, {counts['errors']} error records -> {args.output}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from warehouse.params import BadParameter, Slice

    try:
        chosen = Slice.parse(args.country, args.role, args.month_from, args.month_to)
    except BadParameter as exc:
        raise ConfigError(str(exc)) from None
    paths = Paths.for_warehouse(args.warehouse)
    if not (paths.published.exists() or paths.warehouse.exists()):
        raise ConfigError(
            f"no warehouse at {paths.warehouse}: run `jobmarket demo` or `jobmarket refresh` first"
        )
    if args.html:
        from warehouse.html_report import write_html
        from warehouse.loader import connect

        with connect(_readable(paths), read_only=True) as con:
            out = write_html(con, args.html, str(_readable(paths)))
        print(f"jobmarket report: wrote {out}")
        return 0
    print(_report(paths, synthetic=args.synthetic, chosen=chosen))
    return 0


def cmd_rebuild(args: argparse.Namespace) -> int:
    from warehouse import stages
    from warehouse.publish import publish

    paths = Paths.for_warehouse(args.warehouse)
    if not paths.warehouse.exists():
        raise ConfigError(f"no warehouse at {paths.warehouse}")
    built = stages.build(paths.warehouse, full=True)
    print(", ".join(f"{k}: {v}" for k, v in built["counts"].items()))
    failing = {k: v for k, v in built["checks"].items() if v}
    for name, n in failing.items():
        print(f"check {name}: {n} failing row(s); not published", file=sys.stderr)
    if failing:
        return 1
    publish(paths.warehouse, paths.published)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    paths = Paths.for_warehouse(args.warehouse)
    load_config(args.config)
    configure_prefect(paths.warehouse.parent)
    from flows.serve import serve_deployments

    serve_deployments(args.config.resolve() if args.config else None, paths.warehouse.resolve(), args.cron)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="jobmarket", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    def warehouse_option(p):
        p.add_argument(
            "--warehouse", type=Path, default=None, help="DuckDB file (default data/warehouse.duckdb)"
        )

    demo = sub.add_parser("demo", help="the whole pipeline on the bundled synthetic snapshot, offline")
    warehouse_option(demo)
    refresh = sub.add_parser("refresh", help="crawl the sources in sources.toml, then load, extract, build")
    refresh.add_argument("--config", type=Path, default=None, help="sources file (default sources.toml)")
    refresh.add_argument("--retries", type=int, default=1, help="retries of a failed crawl (default 1)")
    warehouse_option(refresh)

    def flow_options(p):
        p.add_argument("--config", type=Path, default=None, help="sources file (default sources.toml)")
        p.add_argument("--retries", type=int, default=1, help="retries of a failed crawl (default 1)")
        warehouse_option(p)

    run = sub.add_parser(
        "run", help="run one flow once: `run refresh`, or `run backfill --from YYYY-MM --to YYYY-MM`"
    )
    flows_sub = run.add_subparsers(dest="flow", required=True)
    flow_options(flows_sub.add_parser("refresh", help="crawl, load, extract, build, check, publish"))
    back = flows_sub.add_parser(
        "backfill", help="Hacker News 'Who is hiring?' months, oldest first; resumable"
    )
    back.add_argument("--from", dest="month_from", required=True, metavar="YYYY-MM")
    back.add_argument("--to", dest="month_to", required=True, metavar="YYYY-MM")
    flow_options(back)
    serve = sub.add_parser("serve", help="serve the deployments: refresh daily by cron, backfill on demand")
    serve.add_argument("--cron", default="0 6 * * *", help="refresh schedule (default 06:00 UTC daily)")
    serve.add_argument("--config", type=Path, default=None, help="sources file (default sources.toml)")
    warehouse_option(serve)
    extract = sub.add_parser("extract", help="extract fields from postings: JSONL in, JSONL out")
    extract.add_argument("input")
    extract.add_argument("-o", "--output", required=True)
    evaluate = sub.add_parser(
        "evaluate",
        help="score the extractor on the labelled real postings (../shared) or the hand-written set",
    )
    evaluate.add_argument(
        "--part",
        choices=("dev", "holdout", "all"),
        default="dev",
        help="which part of the real labelled set (default dev: the part tuned on; the holdout is scored apart)",
    )
    evaluate.add_argument(
        "--record", metavar="NAME", help="also store the figures in pipelines/eval/real/scores.json"
    )
    evaluate.add_argument(
        "--handwritten",
        action="store_true",
        help="the hand-written rule tests (pipelines/eval/postings) instead",
    )
    evaluate.add_argument(
        "--set",
        dest="directory",
        help="a folder of hand-written labelled *.txt files (implies --handwritten)",
    )
    evaluate.add_argument("--json", action="store_true", help="the full report as JSON")
    evaluate.add_argument("--errors", action="store_true", help="list every disagreement with the labels")
    sub.add_parser(
        "train", help="retrain the shipped classifiers from the real labelled development part (../shared)"
    )
    report = sub.add_parser("report", help="print the market report from the warehouse")
    report.add_argument("--synthetic", action="store_true", help="label the figures as synthetic demo data")
    report.add_argument(
        "--html", type=Path, metavar="OUT.html", help="write the figures as one HTML page with plots"
    )
    report.add_argument("--country", help="ISO code (e.g. KE): that country's figures month by month")
    report.add_argument("--role", help="role class (e.g. ml_engineer): its remote share and top skills")
    report.add_argument("--from", dest="month_from", metavar="YYYY-MM", help="first month shown")
    report.add_argument("--to", dest="month_to", metavar="YYYY-MM", help="last month shown")
    warehouse_option(report)
    rebuild = sub.add_parser("rebuild", help="recreate every derived table from the raw tables")
    warehouse_option(rebuild)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command in ("demo", "refresh"):
            return _run_flow(args.command, args)
        if args.command == "run":
            return _run_flow(args.flow, args)
        if args.command == "serve":
            return cmd_serve(args)
        commands = {
            "extract": cmd_extract,
            "evaluate": cmd_evaluate,
            "train": cmd_train,
            "report": cmd_report,
            "rebuild": cmd_rebuild,
        }
        return commands[args.command](args)
    except ConfigError as exc:
        print(f"jobmarket: {exc}", file=sys.stderr)
        return 2
    except WarehouseLocked as exc:
        print(f"jobmarket: {exc}", file=sys.stderr)
        return 75  # EX_TEMPFAIL: try again when the writer is done


if __name__ == "__main__":
    sys.exit(main())
