#!/usr/bin/env python3
"""Totals the TRX files under a folder into one line: tests: N passed, N failed, N skipped.

Failed tests are listed before the totals (name and the first lines of their message), so the end of a CI
log says what broke without scrolling back through the console logger's output."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILED_OUTCOMES = {"Failed", "Error", "Timeout", "Aborted"}
passed = failed = skipped = 0
failures = []
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    root = ET.parse(trx).getroot()
    counters = root.find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += sum(int(counters.get(key, 0)) for key in ("failed", "error", "timeout", "aborted"))
    skipped += int(counters.get("notExecuted", 0))
    for result in root.iter(f"{NS}UnitTestResult"):
        if result.get("outcome") in FAILED_OUTCOMES:
            message = result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}Message") or ""
            stack = result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}StackTrace") or ""
            failures.append((result.get("testName"), result.get("duration"), message, stack))

for name, duration, message, stack in failures:
    print(f"FAILED {name} ({duration})")
    for line in message.strip().splitlines()[:15]:
        print(f"    {line}")
    for line in stack.strip().splitlines()[:8]:
        print(f"    {line}")
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
