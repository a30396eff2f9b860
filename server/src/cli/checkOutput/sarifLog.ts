// `kubemate check -o sarif`: a SARIF 2.1.0 log as GitHub code scanning accepts it — one run, the
// rules that fired (title and help in the user's language), each result with its location and a
// fingerprint that survives unrelated edits (rule + file + the flagged line's text + occurrence).
// Types from @types/sarif; the output is validated against the official 2.1.0 schema in a test.
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { CheckFinding, CheckRun, FindingSeverity } from './checkFinding';

const LEVEL: Record<FindingSeverity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarifLog(run: CheckRun): Log {
  const ruleIndex = new Map<string, number>();
  const rules: ReportingDescriptor[] = [];
  const seen = new Map<string, number>();
  const results: Result[] = [];
  for (const f of run.findings) {
    let index = ruleIndex.get(f.code);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(f.code, index);
      rules.push(ruleOf(f, run));
    }
    const key = `${f.code}\0${f.file}\0${(run.sourceLine?.(f.file, f.line) ?? '').trim()}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    results.push({
      ruleId: f.code,
      ruleIndex: index,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { 'kubemateFinding/v1': `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}` },
    });
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'KubeMate', version: run.toolVersion, semanticVersion: run.toolVersion, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory kubemate check ran in.' } } }, // l10n-exempt: SARIF metadata
        results,
      },
    ],
  };
}

function ruleOf(f: CheckFinding, run: CheckRun): ReportingDescriptor {
  const d = run.describeRule?.(f.code);
  const title = d?.title ?? f.code;
  const help = d?.help ?? title;
  return {
    id: f.code,
    name: f.code,
    shortDescription: { text: title },
    fullDescription: { text: help },
    help: { text: help },
    defaultConfiguration: { level: LEVEL[d?.severity ?? f.severity] },
  };
}

/** Relative paths as URI references: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
