// kubemate check <file|dir>... — the language server's diagnostics, offline, for CI and terminals.
// Exit codes: 0 clean, 1 findings at or above --fail-on (default error), 2 bad usage or input
// that could not be read (including a broken .kubemate.yaml).
import { relative, resolve, dirname } from 'node:path';
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { collectFiles } from '../../kubectl/collectFiles';
import { readTextFile } from '../../kubectl/readTextFile';
import { loadSchema } from '../../schema/schema';
import { parseFile } from '../../yaml/parsedFile';
import { validateFile } from '../../features/diagnostics/validateFile';
import { lintFile } from '../../features/lint/lintFile';
import { lintConfig, applyRuleLevels } from '../../features/lint/lintConfig';
import { pdbEnv } from '../../features/lint/pdbEnv';
import { filterSuppressed } from '../../features/lint/suppressions';
import type { ParsedFile } from '../../yaml/parsedFile';
import { ignoreMatcher } from '../../workspace/projectConfig';
import { loadProjectConfig } from '../projectConfigFile';
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
  usage: 'kubemate check <file|dir>... [-o text|json|sarif|junit|github] [--fail-on error|warning|information] [--quiet] [--config FILE|--no-config] [--no-lint] [--list-rules]',
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
    const loaded = values['no-config'] ? { config: { rules: {}, ignore: [] }, problems: [] as string[], path: undefined } : loadProjectConfig(values.config as string | undefined, positionals[0], io.cwd);
    const { config } = loaded;
    const problems: string[] = [...loaded.problems];
    const ignored = loaded.path && config.ignore.length ? ignoreMatcher(config.ignore) : undefined;
    const configDir = loaded.path ? dirname(loaded.path) : io.cwd;
    const schema = loadSchema();
    const findings: CheckFinding[] = [];
    const checked: string[] = [];
    const texts = new Map<string, string>();
    // Read everything first: lint rules such as single-replica-no-pdb look across all the files.
    const parsedFiles: { shown: string; parsed: ParsedFile; explicit: boolean }[] = [];
    for (const p of positionals) {
      // A linter walks the whole tree (sub-folders too); apply and delete need -R, as kubectl.
      const found = collectFiles([p], io.cwd, { recursive: true });
      problems.push(...found.problems);
      for (const file of found.files) {
        if (ignored && !found.explicit.has(file) && ignored(relative(configDir, resolve(file)))) continue;
        const shown = relative(io.cwd, file) || file;
        const read = readTextFile(file, shown);
        checked.push(shown);
        if (!read.ok) {
          problems.push(read.message);
          continue;
        }
        texts.set(shown, read.text);
        parsedFiles.push({ shown, parsed: parseFile(read.text), explicit: found.explicit.has(file) });
      }
    }
    const lintSettings = { enabled: !values['no-lint'] && config.lintEnabled !== false, rules: config.rules };
    const lint = lintConfig(lintSettings);
    const env = pdbEnv(parsedFiles.map((f) => f.parsed));
    for (const { shown, parsed, explicit } of parsedFiles) {
      const found = applyRuleLevels([...validateFile(schema, parsed, { explicit }), ...lintFile(parsed, lint, env)], lintSettings);
      for (const d of filterSuppressed(parsed.text, found)) {
        findings.push({
          file: shown,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: d.severity,
          code: d.code,
          message: d.message,
        });
      }
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

function failOnLevel(value: unknown): FindingSeverity {
  if (value === undefined) return 'error';
  const v = value === 'info' ? 'information' : value;
  if (typeof v === 'string' && (FAIL_ON as readonly string[]).includes(v)) return v as FindingSeverity;
  throw new UsageError(t('--fail-on must be one of: {0}', FAIL_ON.join(', ')));
}

function print(format: (typeof FORMATS)[number], run: CheckRun, failOn: FindingSeverity, checked: string[], quiet: boolean, io: CliIO): void {
  switch (format) {
    case 'json':
      io.out(JSON.stringify({ files: run.files, diagnostics: run.findings, problems: run.problems, summary: { ...countBySeverity(run.findings), failOn, failed: run.problems.length > 0 || run.findings.some((f) => failsAt(f.severity, failOn)) } }, null, 2));
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
