// Command-line option parsing on top of node:util parseArgs, with errors turned into
// localised UsageErrors instead of Node's own exceptions.
import { parseArgs as nodeParseArgs } from 'node:util';
import { UsageError } from './cliCommand';
import { t } from '../util/l10n';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** One argument as given, in order: an option by its long name, or a positional. */
export type ArgToken = { kind: 'option'; name: string; value?: string } | { kind: 'positional'; value: string };

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** The options and positionals in the order written (what `--record`'s change cause lists). */
  tokens: ArgToken[];
}

export function parseArgs(args: string[], options: OptionSpec): ParsedArgs {
  try {
    const parsed = nodeParseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
    const tokens: ArgToken[] = [];
    for (const tok of parsed.tokens) {
      if (tok.kind === 'option') tokens.push({ kind: 'option', name: tok.name, value: tok.value });
      else if (tok.kind === 'positional') tokens.push({ kind: 'positional', value: tok.value });
    }
    return { positionals: parsed.positionals, values: parsed.values as ParsedArgs['values'], tokens };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const unknown = /Unknown option '([^']+)'/.exec(raw);
    if (unknown) throw new UsageError(t('Unknown option: {0}', unknown[1]));
    const missing = /Option '([^']+)' argument missing/.exec(raw);
    if (missing) throw new UsageError(t('Option {0} needs a value.', missing[1].split(',')[0].replace(/\s.*$/, '')));
    throw new UsageError(t('Invalid arguments: {0}', raw));
  }
}

/** Reads `-o/--output` and checks it against the allowed formats. */
export function outputFormat<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t('Unsupported output format "{0}". Use one of: {1}', String(value), allowed.join(', ')));
}
