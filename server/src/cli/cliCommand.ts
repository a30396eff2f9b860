// What every `kubemate <command>` module exports. Commands are thin: they parse their
// arguments, call the engine (features/, cluster/) and print through the shared printers.

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** Reads standard input when a command accepts `-`; absent when there is none. */
  readStdin?: () => Promise<string>;
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
  run(args: string[], io: CliIO): Promise<number> | number;
}

/** Thrown for bad command-line input; main prints the message without a stack trace. */
export class UsageError extends Error {}
