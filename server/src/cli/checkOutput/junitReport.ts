// `kubemate check -o junit`: one <testsuite> per run, one <testcase> per checked file; each
// finding at or above the fail-on level is a <failure>, lower ones go to the case's <system-out>
// so CI dashboards show them without failing. Hand-written XML: five escapes, no dependency.
import type { CheckRun, FindingSeverity } from './checkFinding';
import { failsAt } from './checkFinding';

export function junitReport(run: CheckRun, failOn: FindingSeverity, checkedFiles: readonly string[]): string {
  const byFile = new Map<string, typeof run.findings>();
  for (const f of checkedFiles) byFile.set(f, []);
  for (const f of run.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  let failures = 0;
  const cases: string[] = [];
  for (const [file, findings] of byFile) {
    const failing = findings.filter((f) => failsAt(f.severity, failOn));
    const others = findings.filter((f) => !failsAt(f.severity, failOn));
    if (failing.length) failures++;
    const body: string[] = [];
    for (const f of failing) {
      body.push(
        `      <failure type="${esc(f.code)}" message="${esc(f.message)}">${esc(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`)}</failure>`,
      );
    }
    if (others.length)
      body.push(`      <system-out>${esc(others.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`).join('\n'))}</system-out>`);
    cases.push(
      body.length
        ? `    <testcase classname="kubemate.check" name="${esc(file)}">\n${body.join('\n')}\n    </testcase>`
        : `    <testcase classname="kubemate.check" name="${esc(file)}"/>`,
    );
  }
  const errors = run.problems.length;
  const problems = run.problems.map((p) => `    <testcase classname="kubemate.check" name="${esc(p)}">\n      <error message="${esc(p)}"/>\n    </testcase>`);
  const tests = cases.length + problems.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubemate check" tests="${tests}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="kubemate check" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0">`,
    ...cases,
    ...problems,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n');
}

function esc(s: string): string {
  // XML 1.0 forbids most control characters even when escaped: drop them.
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
