// kubemate check <file|dir>... — the language server's diagnostics, offline, for CI and terminals.
// The files given are one workspace: the editor's pipeline (pipeline/fileDiagnostics) runs on
// them, cross-file rules and the scheduling probe included, so both report the same codes,
// messages and ranges (test/lsp/checkParity.test.ts).
// Exit codes: 0 clean, 1 findings at or above --fail-on (default error), 2 bad usage or input
// that could not be read (including a broken .kubemate.yaml).
import { relative, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { collectFiles } from '../../kubectl/collectFiles';
import { readTextFile } from '../../kubectl/readTextFile';
import { loadSchema } from '../../schema/schema';
import { checkFiles, CheckedInput } from '../../pipeline/checkFiles';
import type { Finding } from '../../findings/finding';
import type { KObject } from '../../cluster/types';
import { readClusterProfile } from '../../kubectl/readClusterProfile';
import { ignoreMatcher } from '../../workspace/projectConfig';
import { loadProjectConfig } from '../../kubectl/projectConfigFile';
import { configurableCodes } from '../../pipeline/configurableCodes';
import { t } from '../../util/l10n';
import type { CheckFinding, CheckRun, FindingSeverity } from '../checkOutput/checkFinding';
import { countBySeverity, failsAt } from '../checkOutput/checkFinding';
import { sarifLog } from '../checkOutput/sarifLog';
import { junitReport } from '../checkOutput/junitReport';
import { githubAnnotations } from '../checkOutput/githubAnnotations';
import { describeRule, listRules } from '../checkOutput/ruleCatalog';
import { KUBEMATE_VERSION } from '../version';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
const FAIL_ON = ['error', 'warning', 'information', 'hint'] as const;

export const checkCommand: CliCommand = {
  name: 'check',
  aliases: ['lint', 'validate'],
  summary: 'Check manifests for schema errors, API rules, removed APIs and best practices.',
  usage:
    'kubemate check <file|dir>... [-o text|json|sarif|junit|github] [--fail-on error|warning|information] [--quiet] [--config FILE|--no-config] [--no-lint] [--list-rules]',
  run(args: string[], io: CliIO): number {
    const { positionals, values } = parseArgs(args, {
      output: { type: 'string', short: 'o' },
      'no-lint': { type: 'boolean' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      config: { type: 'string' },
      'no-config': { type: 'boolean' },
      'list-rules': { type: 'boolean' },
    });
    const format = outputFormat(values.output, FORMATS, 'text');
    const failOn = failOnLevel(values['fail-on']);
    if (values['list-rules']) {
      for (const r of listRules()) io.out(`${r.id.padEnd(34)} ${r.severity.padEnd(12)} ${r.title}`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError(t('Name at least one file or directory to check.'));
    if (values.config && values['no-config']) throw new UsageError(t('Use either --config or --no-config, not both.'));
    const loaded = values['no-config']
      ? { config: { rules: {}, ignore: [] }, problems: [] as string[], path: undefined }
      : loadProjectConfig(values.config as string | undefined, positionals[0], io.cwd, configurableCodes());
    const { config } = loaded;
    const problems: string[] = [...loaded.problems];
    const ignored = loaded.path && config.ignore.length ? ignoreMatcher(config.ignore) : undefined;
    const configDir = loaded.path ? dirname(loaded.path) : io.cwd;
    const findings: CheckFinding[] = [];
    const checked: string[] = [];
    const texts = new Map<string, string>();
    // Read everything first: the files are indexed together, as one workspace.
    const inputs: CheckedInput[] = [];
    const seen = new Set<string>();
    for (const p of positionals) {
      // A linter walks the whole tree (sub-folders too); apply and delete need -R, as kubectl.
      const found = collectFiles([p], io.cwd, { recursive: true });
      problems.push(...found.problems);
      for (const file of found.files) {
        if (ignored && !found.explicit.has(file) && ignored(relative(configDir, resolve(file)))) continue;
        const uri = pathToFileURL(file).href;
        if (seen.has(uri)) continue;
        seen.add(uri);
        const shown = shownPath(io, uri);
        const read = readTextFile(file, shown);
        checked.push(shown);
        if (!read.ok) {
          problems.push(read.message);
          continue;
        }
        texts.set(shown, read.text);
        inputs.push({ uri, text: read.text, explicit: found.explicit.has(file) });
      }
    }
    const lint = { enabled: !values['no-lint'] && config.lintEnabled !== false, rules: config.rules };
    const nodes = config.clusterProfile ? profileNodes(resolve(configDir, config.clusterProfile), io, problems) : undefined;
    for (const c of checkFiles(loadSchema(), inputs, { lint, crossFile: config.crossFileEnabled !== false, nodes })) {
      const file = shownPath(io, c.uri);
      for (const d of c.findings) findings.push(toCheckFinding(io, file, d));
    }
    const run: CheckRun = {
      files: checked.length,
      findings,
      problems,
      describeRule,
      sourceLine: (file, line) => texts.get(file)?.split('\n', line)[line - 1],
      toolVersion: KUBEMATE_VERSION,
    };
    const failing = findings.filter((f) => failsAt(f.severity, failOn)).length;
    print(format, run, failOn, checked, values.quiet === true, io);
    if (problems.length > 0) return 2;
    return failing > 0 ? 1 : 0;
  },
};

function shownPath(io: CliIO, uri: string): string {
  const path = fileURLToPath(uri);
  return relative(io.cwd, path) || path;
}

/** The nodes of the configuration's cluster profile (for the scheduling probe); problems make the run exit 2. */
function profileNodes(path: string, io: CliIO, problems: string[]): KObject[] | undefined {
  const shown = relative(io.cwd, path) || path;
  const read = readTextFile(path, shown);
  if (!read.ok) {
    problems.push(read.message);
    return undefined;
  }
  const profile = readClusterProfile(shown, read.text);
  problems.push(...profile.problems);
  return profile.nodes;
}

function toCheckFinding(io: CliIO, file: string, d: Finding): CheckFinding {
  const out: CheckFinding = {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
  if (d.related?.length) {
    out.related = d.related.map((r) => ({
      file: r.location.uri.startsWith('file:') ? shownPath(io, r.location.uri) : r.location.uri,
      line: r.location.range.start.line + 1,
      column: r.location.range.start.character + 1,
      message: r.message,
    }));
  }
  return out;
}

function failOnLevel(value: unknown): FindingSeverity {
  if (value === undefined) return 'error';
  const v = value === 'info' ? 'information' : value;
  if (typeof v === 'string' && (FAIL_ON as readonly string[]).includes(v)) return v as FindingSeverity;
  throw new UsageError(t('--fail-on must be one of: {0}', FAIL_ON.join(', ')));
}

function print(format: (typeof FORMATS)[number], run: CheckRun, failOn: FindingSeverity, checked: string[], quiet: boolean, io: CliIO): void {
  switch (format) {
    case 'json':
      io.out(
        JSON.stringify(
          {
            files: run.files,
            diagnostics: run.findings,
            problems: run.problems,
            summary: { ...countBySeverity(run.findings), failOn, failed: run.problems.length > 0 || run.findings.some((f) => failsAt(f.severity, failOn)) },
          },
          null,
          2,
        ),
      );
      return;
    case 'sarif':
      io.out(JSON.stringify(sarifLog(run), null, 2));
      return;
    case 'junit':
      io.out(junitReport(run, failOn, checked));
      return;
    case 'github':
      for (const line of githubAnnotations(run)) io.out(line);
      io.err(summaryLine(run));
      return;
    default: {
      for (const p of run.problems) io.err(`${t('error:')} ${p}`);
      for (const d of run.findings) {
        if (quiet && !failsAt(d.severity, failOn)) continue;
        io.out(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
      }
      if (!quiet) io.out(summaryLine(run));
    }
  }
}

function summaryLine(run: CheckRun): string {
  const c = countBySeverity(run.findings);
  return t('{0} file(s) checked: {1} error(s), {2} warning(s), {3} note(s).', run.files, c.error, c.warning, c.information + c.hint);
}
