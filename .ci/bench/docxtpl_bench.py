#!/usr/bin/env python3
"""docxtpl beside NextSteps: the default annual-review template, written in docxtpl's syntax
(make_docxtpl_template.py, made afresh in a temporary folder), filled with the same data.

  in-process: open the template + render (autoescape on) + save to memory, RUNS times after warm-up
  cold:       `python3 .ci/bench/docxtpl_render.py TEMPLATE DATA OUT`, COLD times after one to warm
              the page cache, whole process, wall time and peak RSS (wait4's ru_maxrss), started
              from the small peak_rss.py so that the figure is the command's own

  --in-process-only: the in-process runs alone (nextsteps-bench's rounds side by side)

Usage: docxtpl_bench.py DATA.json [--runs 50] [--cold 20] [--compare OURS.docx] [--in-process-only] [--json]
DATA.json is the model's plain values (nextsteps-bench writes it). With --compare, the text of
every paragraph of both filled documents (body and footer) is compared, to show the same fill.
"""
import argparse, html, io, json, os, re, subprocess, sys, tempfile, time, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_docxtpl_template  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def quantile(samples, q):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int((len(ordered) - 1) * q))]


def fill(template_path, data):
    template = DocxTemplate(template_path)
    template.render(data, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def cold(template_path, data_path, out_path, runs):
    """The cold command, timed from a small process (peak_rss.py), so its peak RSS is its own."""
    command = [sys.executable, os.path.join(HERE, "peak_rss.py"), str(runs), "--",
               sys.executable, os.path.join(HERE, "docxtpl_render.py"), template_path, data_path, out_path]
    result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    runs_ = result["commands"][0]
    if any(runs_["status"]):
        raise SystemExit(f"docxtpl_render.py failed: {runs_['status']}")
    return list(zip(runs_["seconds"], runs_["maxRSSKiB"])), result["floorKiB"]


def paragraphs(docx_bytes):
    """Every paragraph's text, body then footers, with Word's empty paragraphs left out
    (entities read back: one side writes &apos; where the other writes ')."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        names = ["word/document.xml"] + sorted(n for n in archive.namelist() if re.match(r"word/footer\d*\.xml", n))
        for name in names:
            xml = archive.read(name).decode("utf-8")
            for para in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
                text = html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para)))
                if text.strip():
                    texts.append(text)
    return texts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--cold", type=int, default=20)
    parser.add_argument("--compare")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--in-process-only", action="store_true")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)
    with tempfile.TemporaryDirectory(prefix="docxtpl-bench-") as scratch:
        template_path = make_docxtpl_template.build(data, os.path.join(scratch, "annual-review-docxtpl.docx"))
        filled = fill(template_path, data)
        for _ in range(5):
            fill(template_path, data)
        samples, cpu = [], []
        for _ in range(args.runs):
            started, started_cpu = time.perf_counter(), time.thread_time()
            fill(template_path, data)
            samples.append(time.perf_counter() - started)
            cpu.append(time.thread_time() - started_cpu)
        if args.in_process_only:
            print(json.dumps({"inProcess": {"median": quantile(samples, 0.5), "p90": quantile(samples, 0.9),
                                            "min": min(samples), "n": len(samples), "cpuMedian": quantile(cpu, 0.5)}}))
            return
        out_path = os.path.join(scratch, "out.docx")
        cold_runs, floor = cold(template_path, args.data, out_path, args.cold)
        result = {
            "docxtpl": __import__("importlib.metadata").metadata.version("docxtpl"),
            "python": sys.version.split()[0],
            "inProcess": {"median": quantile(samples, 0.5), "p90": quantile(samples, 0.9), "min": min(samples), "n": len(samples)},
            "cold": {"median": quantile([t for t, _ in cold_runs], 0.5), "p90": quantile([t for t, _ in cold_runs], 0.9),
                     "min": min(t for t, _ in cold_runs), "n": len(cold_runs)},
            "peakRSSKiB": max(rss for _, rss in cold_runs),
            "rssFloorKiB": floor,
            "bytes": len(filled),
        }
        if args.compare:
            with open(args.compare, "rb") as f:
                ours, theirs = paragraphs(f.read()), paragraphs(filled)
            result["sameText"] = ours == theirs
            result["paragraphs"] = len(theirs)
            if ours != theirs:
                first = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
                result["firstDifference"] = {"index": first, "ours": ours[first] if first < len(ours) else None,
                                             "docxtpl": theirs[first] if first < len(theirs) else None}
    if args.json:
        print(json.dumps(result))
    else:
        ms = lambda s: f"{s * 1000:8.2f} ms"
        print(f"docxtpl {result['docxtpl']} on Python {result['python']}")
        print(f"in-process open + render + save   median {ms(result['inProcess']['median'])}   p90 {ms(result['inProcess']['p90'])}   (n={args.runs})")
        print(f"cold command                      median {ms(result['cold']['median'])}   p90 {ms(result['cold']['p90'])}   (n={args.cold})")
        print(f"peak RSS of the cold command      {result['peakRSSKiB'] / 1024:.1f} MiB")
        if "sameText" in result:
            print(f"same paragraphs as --compare:     {result['sameText']} ({result['paragraphs']} paragraphs)")


if __name__ == "__main__":
    main()
