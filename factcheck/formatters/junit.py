"""JUnit XML, as CI dashboards read it: one test case per claim (a failure for a conflict; warnings pass, with their
message as output) and one skipped test case per input that could not be read."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree as ET

from factcheck.findings import Report
from factcheck.formatters import Options, Output, outside
from factcheck.formatters.escape import LogLines, xml_document
from factcheck.formatters.locations import settled, value_text
from factcheck.formatters.mastheads import front_matter, story


def _cases(report: Report) -> Iterator[ET.Element]:
    known = front_matter(report)
    for finding in report.findings:
        case = ET.Element("testcase", classname=f"factcheck.{finding.kind}", name=finding.title,
                          file=finding.anchor.path if finding.anchor else "")
        details = "\n".join(f"{s.path}:{s.line}:{s.column}: {value_text(s.value)}: {s.quote}"
                            + (f" ({told})" if (told := story(known.get(s.article))) else "")
                            for s in finding.statements)
        if finding.grouped_under is not None:  # that one's slip, failed there: said, not failed twice
            out = ET.SubElement(case, "system-out")
            out.text = f"{finding.status}, the same slip as {finding.grouped_under}: {finding.message}\n{details}"
        elif decided := settled(finding):  # an editor's review: it no longer fails the run, nor the suite
            out = ET.SubElement(case, "system-out")
            out.text = f"{finding.status}, {decided}: {finding.message}\n{details}"
        elif finding.status == "conflict":
            failure = ET.SubElement(case, "failure", message=finding.message, type="conflict")
            failure.text = details
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{finding.status}: {finding.message}\n{details}"
        yield case
    for skipped in report.skipped:
        case = ET.Element("testcase", classname="factcheck.input", name=skipped.path)
        ET.SubElement(case, "skipped", message=skipped.reason)
        yield case
    for path, why in outside(report):
        case = ET.Element("testcase", classname="factcheck.outside", name=path)
        ET.SubElement(case, "skipped", message=f"not about the rules' stories: {why}")
        yield case
    if report.warnings:
        notes = ET.Element("system-out")
        notes.text = "\n".join(f"note: {note}" for note in report.warnings)
        yield notes


def write(report: Report, options: Options, out: Output) -> None:
    """The document, written a test case at a time, indented as ElementTree indents a whole tree; a CI log may
    show it, so no line of article text is a workflow command."""
    lines = LogLines(out)
    suite = ET.tostring(ET.Element("testsuite", {
        "name": "factcheck", "tests": str(len(report.findings) + len(report.skipped) + len(outside(report))),
        "failures": str(sum(f.status == "conflict" and f.grouped_under is None and not settled(f)
                            for f in report.findings)),
        "skipped": str(len(report.skipped) + len(outside(report)))}), encoding="unicode")
    lines.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n  ')
    empty = True
    for element in _cases(report):
        if empty:
            lines.write(suite.removesuffix(" />") + ">")  # the opening tag of the suite
            empty = False
        ET.indent(element, level=2)
        lines.write("\n    " + xml_document(ET.tostring(element, encoding="unicode")))
    lines.write(suite if empty else "\n  </testsuite>")
    lines.write("\n</testsuites>\n")
    lines.flush()
