// Writes what a kubectl verb returned: each line on the stream kubectl prints it on (runs of
// lines on one stream in one write), and the exit code kubectl gives (0, or 1 when it failed).
import type { CliIO } from './cliCommand';
import type { OutputLine, VerbResult } from '../kubectl/verbResult';
import { allLines } from '../kubectl/verbResult';

export function printLines(io: CliIO, lines: OutputLine[]): void {
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j < lines.length && lines[j].stream === lines[i].stream) j++;
    const text = lines
      .slice(i, j)
      .map((l) => l.text)
      .join('\n');
    (lines[i].stream === 'err' ? io.err : io.out)(text);
    i = j;
  }
}

export function printVerb(io: CliIO, r: VerbResult): number {
  printLines(io, allLines(r));
  return r.ok ? 0 : 1;
}
