// Runs the CLI on one fuzz input: `check`, `apply -f` (on a state file that lives for the whole
// run, as a learner's would) and `explain` of a path made from the input's own words. In process
// through runCli for speed, and now and then as the real `node dist/cli.js` process.
// Properties: exit 0, 1 or 2 (3 is "internal problem"), a message on stderr when not 0, never a
// stack trace, never an exception escaping runCli.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import type { Problem } from './serverProbe';
import { serverPath } from '../helpers/lspClient';

export interface CliInput {
  text: string;
  /** `explain` argument, e.g. `deployment.spec.x`. */
  explain: string;
  /** Also run the real process (slower). */
  spawn: boolean;
}

const STACK = /\n\s+at .+(:\d+:\d+\)?|\(node:)/;
/** A stack trace, or V8's uncaught-error banner. */
const UNCAUGHT = /Uncaught|UnhandledPromiseRejection|node:internal|\n\s+at \S+ \(/;

export class CliProbe {
  readonly dir = mkdtempSync(join(tmpdir(), 'kubemate-fuzz-cli-'));
  private readonly state = join(this.dir, 'state.json');
  private runs = 0;
  readonly latencies: number[] = [];

  async run(input: CliInput): Promise<Problem[]> {
    const problems: Problem[] = [];
    const file = join(this.dir, 'input.yaml');
    writeFileSync(file, input.text);
    // A fresh cluster now and then, so the state stays the size of a learner's.
    const reset = ++this.runs % 20 === 0 ? ['--reset'] : [];
    const commands = [
      ['check', 'input.yaml'],
      ['apply', '-f', 'input.yaml', '--state', this.state, ...reset],
      ['explain', input.explain],
    ];
    for (const args of commands) {
      const out: string[] = [];
      const err: string[] = [];
      const started = performance.now();
      let code: number;
      try {
        code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd: this.dir }, { LANG: 'en_US.UTF-8' });
      } catch (e) {
        problems.push({ kind: 'throw', where: `kubemate ${args[0]}`, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        continue;
      }
      this.latencies.push(performance.now() - started);
      problems.push(...judge(`kubemate ${args[0]}`, code, out.join('\n'), err.join('\n')));
      if (input.spawn) {
        const r = spawnSync(process.execPath, [join(serverPath(), '..', 'cli.js'), ...args], {
          cwd: this.dir,
          encoding: 'utf8',
          env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' },
          timeout: 30_000,
        });
        problems.push(...judge(`node dist/cli.js ${args[0]}`, r.status ?? -1, r.stdout, r.stderr));
      }
    }
    return problems;
  }
}

function judge(where: string, code: number, out: string, err: string): Problem[] {
  const problems: Problem[] = [];
  if (![0, 1, 2].includes(code)) problems.push({ kind: 'bad-exit', where, detail: `exit ${code}: ${err.slice(0, 2000)}` });
  if (code !== 0 && !err.trim() && !out.trim()) problems.push({ kind: 'bad-exit', where, detail: `exit ${code} without a message` });
  if (STACK.test(out + err) || UNCAUGHT.test(err)) problems.push({ kind: 'stack-trace', where, detail: (err || out).slice(0, 2000) });
  return problems;
}
