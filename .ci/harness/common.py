"""Shared helpers for the harnesses in .ci/harness: the binary, a private sandbox per run,
the program's own sentences read from Content/words.yaml, and the records file read back."""
import os, re, shutil, sqlite3, subprocess, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("NEXTSTEPS_BIN", os.path.join(ROOT, ".build", "release", "nextsteps"))

# About me: Enter at the information step, then 8 answers (as KillNineTests types them).
SCRIPT = ["", "1 3", "first own words", "kind", "second own words", "2", "1 4", "yes", "third own words"]
STEP_IDS = ["intro", "important", "important-words", "liked", "good-day", "bad-day", "support",
            "changes-early", "support-words"]
QUESTIONS = 8


def phrases():
    """Every `phrases:` sentence of words.yaml (one line each), key to text."""
    out, inside = {}, False
    with open(os.path.join(ROOT, "Content", "words.yaml"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith((" ", "#")):
                inside = line.startswith("phrases:")
            m = re.match(r"^  ([a-z-]+):\s*(.*)$", line)
            if inside and m:
                value = m.group(2)
                if len(value) >= 2 and value[0] == value[-1] == '"':
                    value = value[1:-1]
                out[m.group(1)] = value
    return out


PHRASES = phrases()


def say(key, **values):
    text = PHRASES[key]
    for name, value in values.items():
        text = text.replace("{%s}" % name, str(value))
    return text


class Sandbox:
    """A private HOME, TMPDIR and working folder (0700), removed by close()."""

    def __init__(self, name):
        self.root = tempfile.mkdtemp(prefix="nextsteps-%s-" % name)
        for sub in ("home", "tmp", "work"):
            os.makedirs(os.path.join(self.root, sub), mode=0o700)
        self.home = os.path.join(self.root, "home")
        self.tmp = os.path.join(self.root, "tmp")
        self.work = os.path.join(self.root, "work")
        self.store = os.path.join(self.work, "records.sqlite")

    def env(self, **extra):
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": self.home, "TMPDIR": self.tmp, "LANG": "C.UTF-8"}
        env.update(extra)
        return env

    def run(self, args, stdin=b"", timeout=60, prefix=(), **kw):
        return subprocess.run(list(prefix) + [BINARY] + args, input=stdin, capture_output=True, timeout=timeout,
                              cwd=self.work, env=self.env(), **kw)

    def add_pupil(self, name="Sam Smith", known_as="Sam", store=None):
        r = self.run(["pupils", "add", name, "--known-as", known_as, "--store", store or self.store])
        if r.returncode != 0:
            raise SystemExit("pupils add failed: %r %r" % (r.stdout, r.stderr))

    def close(self):
        shutil.rmtree(self.root, ignore_errors=True)


def read_store(path, pupil="Sam"):
    """(integrity_check, [current answers' words in order], progress step id) as the next run finds them."""
    db = sqlite3.connect(path)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        row = db.execute("SELECT id FROM pupil WHERE knownAs = ? OR name = ?", (pupil, pupil)).fetchone()
        if row is None:
            return integrity, None, None
        words = [w for (w,) in db.execute(
            "SELECT words FROM answer WHERE pupilId = ? AND topicId = 'about-me' AND id NOT IN "
            "(SELECT supersedesId FROM answer WHERE supersedesId IS NOT NULL) ORDER BY id", (row[0],))]
        progress = db.execute("SELECT stepId FROM progress WHERE pupilId = ? AND topicId = 'about-me'", (row[0],)).fetchone()
        return integrity, words, progress[0] if progress else None
    finally:
        db.close()


def need_binary():
    if not os.access(BINARY, os.X_OK):
        raise SystemExit("no binary at %s: run `swift build -c release` first (or set NEXTSTEPS_BIN)" % BINARY)
