"""JUnit XML, as CI dashboards read it: one test case per claim (a failure for a conflict; warnings pass, with their
message as output) and one skipped test case per input that could not be read."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from factcheck.findings import Report
from factcheck.formatters import Options
from factcheck.formatters.locations import value_text


# Characters XML 1.0 cannot hold (control characters an article may carry): shown as the replacement character.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(report: Report, options: Options) -> str:
    suite = ET.Element("testsuite", name="factcheck")
    failures = 0
    for finding in report.findings:
        case = ET.SubElement(suite, "testcase", classname=f"factcheck.{finding.kind}", name=finding.title,
                             file=finding.anchor.path if finding.anchor else "")
        details = "\n".join(f"{s.path}:{s.line}:{s.column}: {value_text(s.value)}: {s.quote}"
                            for s in finding.statements)
        if finding.status == "conflict":
            failures += 1
            failure = ET.SubElement(case, "failure", message=finding.message, type="conflict")
            failure.text = details
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{finding.status}: {finding.message}\n{details}"
    for skipped in report.skipped:
        case = ET.SubElement(suite, "testcase", classname="factcheck.input", name=skipped.path)
        ET.SubElement(case, "skipped", message=skipped.reason)
    if report.warnings:
        ET.SubElement(suite, "system-out").text = "\n".join(f"note: {note}" for note in report.warnings)
    suite.set("tests", str(len(report.findings) + len(report.skipped)))
    suite.set("failures", str(failures))
    suite.set("skipped", str(len(report.skipped)))
    suites = ET.Element("testsuites")
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + _xml_text(ET.tostring(suites, encoding="unicode")) + "\n"
