#!/usr/bin/env python3
"""SIGKILL the service while it starts, then check that it still starts on the file (run by .ci/run with 12 kills).

The service migrates its SQLite file at start when a migration is pending (src/Infrastructure/Persistence/
DatabaseInitializer.cs). EF Core's SQLite migration lock is a row in __EFMigrationsLock, inserted when Migrate
begins and deleted when it ends; a process killed in between leaves the row behind, and EF Core alone would then
retry `INSERT OR IGNORE INTO "__EFMigrationsLock"` once a second without end. The service releases a lock older
than 15 s, so such a restart takes about that long. This script makes fresh files and kills starts at delays
spread over the start-up time (the first start, which applies the migrations and seeds, and restarts of a
migrated file), looks for a lock row left behind, and when it finds one, tries a start on that file.

Exit 0: no kill left a start unable to finish within --hang-seconds. Exit 1: a start hung (the lock row and the
attempt are printed).

    python3 tests/reliability/kill_during_start.py [--configuration Debug|Release | --api-dll PATH] [--attempts 40]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reliability as rel  # noqa: E402
from reliability import log  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--configuration", default=None)
    parser.add_argument("--api-dll", default=None)
    parser.add_argument("--attempts", type=int, default=40, help="kills during start (default 40)")
    parser.add_argument("--hang-seconds", type=float, default=40.0, help="how long a start may take before it counts as hung")
    args = parser.parse_args()
    rel.install_sigterm_handler()
    dll = rel.resolve_api_dll(args.configuration, args.api_dll)
    work = Path(tempfile.mkdtemp(prefix="orderplatform-killstart."))
    secret, key = rel.random_secret(48), rel.random_secret(40)
    began = time.monotonic()
    try:
        # How long a clean first start and a clean restart take here, to spread the kills over them.
        db = work / "measure.db"
        service = rel.Service("service", dll, db, work / "service.log", secret, key)
        first = service.start()
        service.stop()
        again = service.start()
        service.stop()
        log(f"kill during start: clean first start {first:.2f}s, clean restart {again:.2f}s; {args.attempts} kills")
        for attempt in range(args.attempts):
            fresh = attempt % 2 == 0  # alternately: the first start of a new file, and a restart of a migrated one
            db = work / f"attempt-{attempt}.db"
            if fresh:
                up_to = first
            else:
                shutil.copyfile(work / "measure.db", db)
                up_to = again
            delay = 0.2 + (up_to - 0.1) * ((attempt // 2) + 0.5) / ((args.attempts + 1) // 2)
            service = rel.Service("service", dll, db, work / "service.log", secret, key)
            service.port = rel.free_port()
            with open(service.log_path, "ab") as logfile:
                process = subprocess.Popen(["dotnet", str(dll), "--urls", f"http://127.0.0.1:{service.port}"],
                                           cwd=str(dll.parent), env=service.environment(), stdout=logfile,
                                           stderr=subprocess.STDOUT, preexec_fn=rel._die_with_parent)
            time.sleep(delay)
            process.kill()
            process.wait()
            rows = rel.migration_lock_rows(db) if db.exists() else []
            if rows:
                log(f"  attempt {attempt + 1}: SIGKILL {delay:.2f}s into {'the first start' if fresh else 'a restart'}"
                    f" left __EFMigrationsLock = {rows}; starting again on that file ...")
                try:
                    seconds = service.start(timeout=args.hang_seconds)
                except RuntimeError:
                    log(f"KILL DURING START FAILED: the next start was not healthy within {args.hang_seconds:.0f}s"
                        f" (lock row still {rel.migration_lock_rows(db)}); {time.monotonic() - began:.1f}s in all")
                    service.stop()
                    return 1
                log(f"  ... it started in {seconds:.1f}s anyway")
                service.stop()
        log(f"KILL DURING START PASSED: {args.attempts} kills, every file still starts ({time.monotonic() - began:.1f}s)")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
