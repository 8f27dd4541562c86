#!/usr/bin/env python3
"""tests/check_deploy.py — the deployment examples, checked as far as this machine allows
(no container engine, no cluster):

    check_deploy.py SOURCE_DIR HYOKA

- packaging/Containerfile: every instruction is known and well formed, each RUN is valid sh
  (sh -n), the final stage is debian:12-slim and installs the .deb and nothing to build with, the
  build stage's packages are among tools/bootstrap.sh's, COPY --from names a stage.
- deploy/kubernetes/*.yaml: parse; CronJob/Job structure (batch/v1, Indexed, completions ==
  parallelism == the N of --shard I/N, the completion index in --shard and the report name,
  restartPolicy Never, the podFailurePolicy names the container and exit status 2, volumes
  mounted exist, a memory limit); the command is a valid `hyoka batch` command line (the batch
  options are accepted by the hyoka under test: it is run with --help appended).
- deploy/systemd/*: systemd-analyze verify (the container engine replaced by /bin/true when it
  is not installed here), the timer's calendar expression, the service's hyoka command line.
"""
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("FAIL deploy: " + msg)


def sh_ok(script):
    return subprocess.run(["sh", "-n", "-c", script], capture_output=True).returncode == 0


# --------------------------------------------------------------------------- Containerfile
KNOWN = {"FROM", "RUN", "COPY", "ADD", "ENV", "USER", "WORKDIR", "ENTRYPOINT", "CMD", "LABEL",
         "ARG", "EXPOSE", "VOLUME", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "ONBUILD"}
COMPILERS = re.compile(r"\b(build-essential|gcc|g\+\+|clang|cmake|make|[a-z0-9.+-]+-dev)\b")


def instructions(text):
    """(keyword, arguments) of a Containerfile, continuation lines joined, comments dropped."""
    out, cur = [], ""
    for line in text.splitlines():
        if not cur and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            cur += line.rstrip()[:-1] + " "
            continue
        cur += line
        word, _, rest = cur.strip().partition(" ")
        out.append((word, rest.strip()))
        cur = ""
    if cur:
        fail("Containerfile ends inside a continued line")
    return out


def bootstrap_packages(src):
    text = open(os.path.join(src, "tools/bootstrap.sh")).read()
    m = re.search(r'PACKAGES="([^"]*)"', text)
    return set(m.group(1).split()) if m else set()


def check_containerfile(src):
    path = os.path.join(src, "packaging/Containerfile")
    ins = instructions(open(path).read())
    stages, current = [], None
    for word, args in ins:
        if word not in KNOWN:
            fail("Containerfile: unknown instruction %r" % word)
            continue
        if word == "FROM":
            parts = args.split()
            current = {"image": parts[0], "name": parts[2] if len(parts) == 3 and parts[1].upper() == "AS" else None,
                       "runs": [], "copies": [], "other": []}
            if len(parts) not in (1, 3):
                fail("Containerfile: FROM %r" % args)
            stages.append(current)
        elif current is None:
            fail("Containerfile: %s before FROM" % word)
        elif word == "RUN":
            current["runs"].append(args)
            if not sh_ok(args):
                fail("Containerfile: RUN is not valid sh: %s" % args)
        elif word == "COPY":
            current["copies"].append(args)
        elif word in ("ENTRYPOINT", "CMD") and args.startswith("["):
            try:
                yaml.safe_load(args)
            except yaml.YAMLError:
                fail("Containerfile: %s is not a JSON list: %s" % (word, args))
    if len(stages) != 2:
        fail("Containerfile: want a build stage and a runtime stage, got %d stages" % len(stages))
        return
    build, final = stages
    if final["image"] != "docker.io/library/debian:12-slim":
        fail("Containerfile: the runtime stage is %s, not Debian 12 slim" % final["image"])
    names = {s["name"] for s in stages if s["name"]}
    for c in final["copies"]:
        m = re.match(r"--from=(\S+)\s+(\S+)", c)
        if not m or m.group(1) not in names or not m.group(2).endswith(".deb"):
            fail("Containerfile: the runtime stage copies %r (want the .deb from the build stage)" % c)
    runtime = " ".join(final["runs"])
    if "apt-get install" not in runtime or ".deb" not in runtime:
        fail("Containerfile: the runtime stage does not install the .deb")
    if COMPILERS.search(runtime):
        fail("Containerfile: the runtime stage installs build tools: %s" % COMPILERS.search(runtime).group(0))
    wanted = set()
    for r in build["runs"]:
        m = re.search(r"apt-get install (.*?)(&&|$)", r)
        if m:
            wanted |= {w for w in m.group(1).split() if not w.startswith("-")}
    extra = wanted - bootstrap_packages(src) - {"file"}
    if extra:
        fail("Containerfile: build stage packages not in tools/bootstrap.sh: %s" % " ".join(sorted(extra)))
    if not any("tools/package.sh" in r for r in build["runs"]):
        fail("Containerfile: the build stage does not run tools/package.sh")
    if not any(w == "USER" and not a.startswith("0") and a != "root" for w, a in ins):
        fail("Containerfile: the image runs as root")


# --------------------------------------------------------------------------- hyoka command lines
def option_value(argv, name):
    return next((argv[i + 1] for i in range(len(argv) - 1) if argv[i] == name), None)


def check_batch_command(hyoka, argv, where, prune=True):
    """argv is a `hyoka batch ...` command line: hyoka must accept its options (run with --help,
    which stops before anything is read or written); the state directory is given and lies
    outside the published tree; a nightly run prunes."""
    if len(argv) < 2 or os.path.basename(argv[0]) != "hyoka" or argv[1] != "batch":
        fail("%s: not a hyoka batch command: %s" % (where, argv))
        return
    out, state = option_value(argv, "-o"), option_value(argv, "--state")
    if not out or not state:
        fail("%s: want -o OUTDIR and --state DIR (the state outside the published tree)" % where)
    elif os.path.normpath(state) == os.path.normpath(out) or \
            os.path.normpath(state).startswith(os.path.normpath(out) + "/"):
        fail("%s: --state %s lies inside the published tree %s" % (where, state, out))
    if prune and "--prune" not in argv:
        fail("%s: a nightly run should --prune the PDFs of withdrawn documents" % where)
    r = subprocess.run([hyoka] + argv[1:] + ["--help"], capture_output=True, text=True)
    if r.returncode != 0:
        fail("%s: hyoka rejects the command line: %s" % (where, r.stderr.strip()))
    opts = [a for a in argv if a.startswith("-")]
    known = set(re.findall(r"(?<![\w-])(-{1,2}[a-z][a-z-]*)", r.stdout))
    for o in opts:
        if o not in known:
            fail("%s: option %s is not in 'hyoka batch --help'" % (where, o))


# --------------------------------------------------------------------------- Kubernetes
def dig(obj, *path):
    for p in path:
        if not isinstance(obj, dict) or p not in obj:
            return None
        obj = obj[p]
    return obj


def check_job_spec(spec, where, hyoka, nightly):
    if spec.get("completionMode") != "Indexed":
        fail("%s: completionMode is not Indexed" % where)
    n = spec.get("completions")
    if not isinstance(n, int) or n < 1 or spec.get("parallelism") != n:
        fail("%s: completions %r and parallelism %r differ" % (where, n, spec.get("parallelism")))
    pod = dig(spec, "template", "spec") or {}
    if pod.get("restartPolicy") != "Never":
        fail("%s: restartPolicy must be Never (podFailurePolicy needs it)" % where)
    containers = pod.get("containers") or []
    if len(containers) != 1:
        fail("%s: want one container" % where)
        return
    c = containers[0]
    rules = dig(spec, "podFailurePolicy", "rules") or []
    if not any(dig(r, "onExitCodes", "containerName") == c.get("name") and 2 in (dig(r, "onExitCodes", "values") or [])
               and r.get("action") == "FailIndex" for r in rules):
        fail("%s: no podFailurePolicy rule failing the index on exit status 2 of %s" % (where, c.get("name")))
    if not re.match(r"[^/:\s-][^/:\s]*(/[^/:\s]+)*/hyoka:[\w.-]+$", c.get("image", "")):
        fail("%s: image %r is not the hyoka image" % (where, c.get("image")))
    if not dig(c, "resources", "limits", "memory"):
        fail("%s: no memory limit" % where)
    vols = {v.get("name") for v in pod.get("volumes") or []}
    for m in c.get("volumeMounts") or []:
        if m.get("name") not in vols:
            fail("%s: volumeMount %r has no volume" % (where, m.get("name")))
    cmd = (c.get("command") or []) + (c.get("args") or [])
    if cmd[:2] != ["sh", "-c"] or len(cmd) != 3:
        fail("%s: want command [sh, -c] and one script" % where)
        return
    script = cmd[2]
    if not sh_ok(script):
        fail("%s: the script is not valid sh: %s" % (where, script))
    m = re.search(r'--shard "\$JOB_COMPLETION_INDEX/(\d+)"', script)
    if not m or int(m.group(1)) != n:
        fail("%s: --shard is not $JOB_COMPLETION_INDEX/%s" % (where, n))
    if not re.search(r'--report "[^"]*\$JOB_COMPLETION_INDEX[^"]*"', script):
        fail("%s: the report name does not hold the shard index" % where)
    argv = shlex.split(script.replace("$JOB_COMPLETION_INDEX", "0"))
    if argv[0] == "exec":
        argv = argv[1:]
    check_batch_command(hyoka, argv, where, prune=nightly)


def check_kubernetes(src, hyoka):
    files = sorted(glob.glob(os.path.join(src, "deploy/kubernetes/*.yaml")))
    kinds = set()
    for f in files:
        where = os.path.relpath(f, src)
        try:
            docs = [d for d in yaml.safe_load_all(open(f)) if d is not None]
        except yaml.YAMLError as e:
            fail("%s: %s" % (where, e))
            continue
        for d in docs:
            if d.get("apiVersion") != "batch/v1":
                fail("%s: apiVersion %r" % (where, d.get("apiVersion")))
            kinds.add(d.get("kind"))
            if not dig(d, "metadata", "name") and not dig(d, "metadata", "generateName"):
                fail("%s: no metadata name" % where)
            if d.get("kind") == "CronJob":
                s = d.get("spec") or {}
                if len(str(s.get("schedule", "")).split()) != 5:
                    fail("%s: schedule %r is not a five-field cron expression" % (where, s.get("schedule")))
                if s.get("concurrencyPolicy") != "Forbid":
                    fail("%s: concurrencyPolicy must be Forbid (two runs of one shard at once)" % where)
                check_job_spec(dig(s, "jobTemplate", "spec") or {}, where, hyoka, True)
            elif d.get("kind") == "Job":
                check_job_spec(d.get("spec") or {}, where, hyoka, False)
            else:
                fail("%s: unexpected kind %r" % (where, d.get("kind")))
    if kinds != {"CronJob", "Job"}:
        fail("deploy/kubernetes: want a CronJob and an Indexed Job, found %s" % sorted(kinds))


# --------------------------------------------------------------------------- systemd
def check_systemd(src, hyoka):
    d = os.path.join(src, "deploy/systemd")
    service, timer = os.path.join(d, "hyoka-batch.service"), os.path.join(d, "hyoka-batch.timer")
    text = open(service).read()
    m = re.search(r"^ExecStart=((?:.*\\\n)*.*)$", text, re.M)
    if not m:
        fail("hyoka-batch.service: no ExecStart")
        return
    argv = shlex.split(m.group(1).replace("\\\n", " "))
    engine = argv[0]
    image = next((i for i, a in enumerate(argv) if re.match(r"[^/:\s-][^/:\s]*(/[^/:\s]+)*/hyoka:[\w.-]+$", a)), None)
    if image is None:
        fail("hyoka-batch.service: does not run the hyoka image")
    else:
        check_batch_command(hyoka, ["hyoka"] + argv[image + 1:], "hyoka-batch.service")
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        fail("systemd-analyze is not installed (tools/bootstrap.sh installs systemd)")
        return
    with tempfile.TemporaryDirectory() as t:
        for f in (service, timer):
            body = open(f).read()
            if not os.access(engine, os.X_OK):   # no container engine here: verify the rest
                body = body.replace("ExecStart=" + engine, "ExecStart=/bin/true")
            open(os.path.join(t, os.path.basename(f)), "w").write(body)
        r = subprocess.run([analyze, "verify", "--man=no", os.path.join(t, "hyoka-batch.service"),
                            os.path.join(t, "hyoka-batch.timer")], capture_output=True, text=True)
        if r.returncode != 0 or r.stderr.strip():
            fail("systemd-analyze verify: %s" % (r.stderr.strip() or r.returncode))
    cal = re.search(r"^OnCalendar=(.*)$", open(timer).read(), re.M)
    if not cal or subprocess.run([analyze, "calendar", cal.group(1)], capture_output=True).returncode != 0:
        fail("hyoka-batch.timer: bad or missing OnCalendar")


def main():
    src, hyoka = sys.argv[1], os.path.abspath(sys.argv[2])
    check_containerfile(src)
    check_kubernetes(src, hyoka)
    check_systemd(src, hyoka)
    if FAILS:
        sys.exit(1)
    print("deploy: ok")


if __name__ == "__main__":
    main()
