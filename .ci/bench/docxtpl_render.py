#!/usr/bin/env python3
"""One cold fill with docxtpl, as `nextsteps export` does one: read the data, open the
template, render (escaped), write the .docx. Usage: docxtpl_render.py TEMPLATE.docx DATA.json OUT.docx"""
import json, sys

from docxtpl import DocxTemplate

template_path, data_path, out_path = sys.argv[1:4]
with open(data_path, encoding="utf-8") as f:
    data = json.load(f)
template = DocxTemplate(template_path)
template.render(data, autoescape=True)
template.save(out_path)
