// kubemate check <file|dir>... — the language server's diagnostics, offline, for CI and terminals.
import { relative } from 'node:path';
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { collectFiles } from '../collectFiles';
import { readTextFile } from '../readTextFile';
import { loadSchema } from '../../schema/schema';
import { parseFile } from '../../yaml/parsedFile';
import { validateFile } from '../../features/diagnostics/validateFile';
import { lintFile } from '../../features/lint/lintFile';
import { lintConfig, DEFAULT_LINT_SETTINGS } from '../../features/lint/lintConfig';
import { pdbEnv } from '../../features/lint/pdbEnv';
import { filterSuppressed } from '../../features/lint/suppressions';
import type { ParsedFile } from '../../yaml/parsedFile';
import { t } from '../../util/l10n';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

export const checkCommand: CliCommand = {
  name: 'check',
  aliases: ['lint', 'validate'],
  summary: 'Check manifests for schema errors, API rules, removed APIs and best practices.',
  usage: 'kubemate check <file|dir>... [-o text|json] [--no-lint]',
  run(args: string[], io: CliIO): number {
    const { positionals, values } = parseArgs(args, { output: { type: 'string', short: 'o' }, 'no-lint': { type: 'boolean' } });
    const format = outputFormat(values.output, ['text', 'json'] as const, 'text');
    if (positionals.length === 0) throw new UsageError(t('Name at least one file or directory to check.'));
    const schema = loadSchema();
    const diagnostics: JsonDiagnostic[] = [];
    const problems: string[] = [];
    let files = 0;
    // Read everything first: lint rules such as single-replica-no-pdb look across all the files.
    const parsedFiles: { shown: string; parsed: ParsedFile; explicit: boolean }[] = [];
    for (const p of positionals) {
      const found = collectFiles([p], io.cwd);
      problems.push(...found.problems);
      for (const file of found.files) {
        const shown = relative(io.cwd, file) || file;
        const read = readTextFile(file, shown);
        files++;
        if (!read.ok) {
          problems.push(read.message);
          continue;
        }
        parsedFiles.push({ shown, parsed: parseFile(read.text), explicit: found.explicit.has(file) });
      }
    }
    const lint = lintConfig(values['no-lint'] ? { enabled: false, rules: {} } : DEFAULT_LINT_SETTINGS);
    const env = pdbEnv(parsedFiles.map((f) => f.parsed));
    for (const { shown, parsed, explicit } of parsedFiles) {
      const found = [...validateFile(schema, parsed, { explicit }), ...lintFile(parsed, lint, env)];
      for (const d of filterSuppressed(parsed.text, found)) {
        diagnostics.push({
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
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (format === 'json') {
      io.out(JSON.stringify({ files, diagnostics, problems }, null, 2));
    } else {
      for (const p of problems) io.err(`${t('error:')} ${p}`);
      for (const d of diagnostics) io.out(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      io.out(t('{0} file(s) checked: {1} error(s), {2} warning(s), {3} note(s).', files, errors, warnings, diagnostics.length - errors - warnings));
    }
    return errors > 0 || problems.length > 0 ? 1 : 0;
  },
};
