#!/usr/bin/env python3
"""Writes the default annual-review template in docxtpl's (Jinja) syntax, for the benchmark.

Reads the XML source in Content/templates/annual-review/ (the same parts .ci/build-annual-review
zips) and rewrites every Mustache tag as docxtpl's:

  a tag alone in a paragraph   {{#topics}} -> {%p for topic in topics %}, {{/topics}} -> {%p endfor %}
                               {{^hasAnswers}} -> {%p if not hasAnswers %}, {{/hasAnswers}} -> {%p endif %}
  a section over a table row   {{#answers}}...{{/answers}} in one row -> a {%tr for answer in answers %}
                               row before it and a {%tr endfor %} row after it
  inline                       {{#hasSupporter}}...{{/hasSupporter}} -> {% if answer.hasSupporter %}...{% endif %}
  names                        as Mustache finds them: the innermost section whose item has the name
                               ({{title}} in topics -> {{ topic.title }}), else the top ({{pupil.name}}).

Whether a section is a list (for) or a flag (if) is read from the data (the JSON the benchmark
fills both templates with). Usage: make_docxtpl_template.py DATA.json OUT.docx
"""
import json, os, re, sys, zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SOURCE = os.path.join(ROOT, "Content", "templates", "annual-review")
ORDER = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels",
         "word/document.xml", "word/styles.xml", "word/footer1.xml"]
LOOP_NAMES = {"topics": "topic", "answers": "answer", "preparingForAdulthood": "area",
              "sortedCards": "group", "notes": "note", "sorted": "group", "history": "entry"}
TAG = re.compile(r"\{\{([#^/]?)([A-Za-z0-9_.]+)(\|(?:p|tr))?\}\}")


def sample(items):
    """One dict with every key any item has; list values merged, so nested sections resolve."""
    merged = {}
    for item in items:
        for key, value in item.items():
            if isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = merged[key] + value
            elif key not in merged or merged[key] in ("", [], False):
                merged[key] = value
    return merged


def mark_paragraphs(xml):
    """A section tag alone in its paragraph becomes a paragraph tag ({%p ...%})."""
    def one(match):
        para = match.group(0)
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para)).strip()
        tag = TAG.fullmatch(text)
        if tag and tag.group(1):
            return para.replace(text, text[:-2] + "|p}}")
        return para
    return re.sub(r"<w:p[ >](?:(?!</w:p>).)*</w:p>", one, xml, flags=re.S)


def marker_row(tag):
    return f'<w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">{tag}</w:t></w:r></w:p></w:tc></w:tr>'


def mark_rows(xml):
    """A section opened and closed in one table row repeats the row: {%tr for%} and {%tr endfor%} rows round it."""
    def one(match):
        row = match.group(0)
        for name in re.findall(r"\{\{#([A-Za-z0-9_.]+)\}\}", row):
            if "{{/" + name + "}}" in row:
                row = row.replace("{{#" + name + "}}", "", 1).replace("{{/" + name + "}}", "", 1)
                return marker_row("{{#" + name + "|tr}}") + row + marker_row("{{/" + name + "|tr}}")
        return row
    return re.sub(r"<w:tr[ >](?:(?!</w:tr>).)*</w:tr>", one, xml, flags=re.S)


def convert(xml, data):
    scopes = [(None, data)]          # (loop variable, sample item)
    opened = []                      # (name, "for" | "if")

    def resolve(name):
        first = name.split(".")[0]
        for var, item in reversed(scopes):
            if isinstance(item, dict) and first in item:
                return (var + "." + name if var else name), item[first], name
        raise SystemExit(f"make_docxtpl_template: {{{{{name}}}}} is not in the data")

    def value_at(value, name):
        for part in name.split(".")[1:]:
            value = value[part]
        return value

    def one(match):
        sigil, name, kind = match.group(1), match.group(2), (match.group(3) or "")[1:]
        mark = kind if kind else ""
        open_, close = "{%" + mark + " ", " %}"
        if sigil == "":
            return "{{ " + resolve(name)[0] + " }}"
        if sigil in "#^":
            path, first_value, _ = resolve(name)
            value = value_at(first_value, name)
            if sigil == "#" and isinstance(value, list):
                var = LOOP_NAMES.get(name.split(".")[-1], "item") + ("" if len(scopes) < 3 else str(len(scopes)))
                scopes.append((var, sample(value)))
                opened.append((name, "for"))
                return open_ + f"for {var} in {path}" + close
            opened.append((name, "if"))
            return open_ + ("if " if sigil == "#" else "if not ") + path + close
        last, what = opened.pop()
        if last != name:
            raise SystemExit(f"make_docxtpl_template: {{{{/{name}}}}} closes {{{{#{last}}}}}")
        if what == "for":
            scopes.pop()
            return open_ + "endfor" + close
        return open_ + "endif" + close

    out = TAG.sub(one, xml)
    if opened:
        raise SystemExit(f"make_docxtpl_template: sections left open: {opened}")
    return out


def build(data, target):
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ORDER:
            with open(os.path.join(SOURCE, name), "rb") as part:
                body = part.read()
            if name in ("word/document.xml", "word/footer1.xml"):
                body = convert(mark_rows(mark_paragraphs(body.decode("utf-8"))), data).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, body)
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: make_docxtpl_template.py DATA.json OUT.docx")
    with open(sys.argv[1], encoding="utf-8") as f:
        print("wrote", build(json.load(f), sys.argv[2]))
