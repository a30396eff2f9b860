// What every `kubemate <command>` module exports. Commands are thin: they parse their
// arguments, call a verb of the kubectl layer (kubectl/) or the language features, print what it
// returns and choose the exit code.
import type { Lang } from '../util/l10n';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Reads standard input when a command accepts `-`; absent when there is none. */
  readStdin?: () => Promise<string>;
}

/** What `kubemate` was asked globally, passed to every command explicitly (never through process.env). */
export interface CliOptions {
  lang: Lang;
  /** `--lang both`: docs in both languages. */
  docsBoth: boolean;
  /** The environment the command runs in (PATH for external renderers); tests inject their own. */
  env?: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  /** Other names accepted on the command line. */
  aliases?: string[];
  /** One-line summary (an English l10n key; printed through t()). */
  summary: string;
  /** Usage line, e.g. `kubemate check <file|dir>... [-o text|json]`. Not translated: it is syntax. */
  usage: string;
  /** Returns the process exit code. Must not throw for bad user input: print a message and return 2. */
  run(args: string[], io: CliIO, opts: CliOptions): Promise<number> | number;
}

/** Thrown for bad command-line input; main prints the message without a stack trace. */
export class UsageError extends Error {}

/**
 * kubectl's own error for a request it cannot make (e.g. an unknown resource type): main prints the
 * line as kubectl does (`error: …`, in kubectl's English), then the localised hint, and exits 1.
 */
export class KubectlError extends Error {
  constructor(
    line: string,
    readonly hint?: string,
  ) {
    super(line);
  }
}
