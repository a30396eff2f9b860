// `kubemate check -o github`: GitHub Actions workflow commands, one annotation per finding
// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), escaped as the runner
// expects: %, CR and LF everywhere, plus `:` and `,` inside properties.
import type { CheckRun, FindingSeverity } from './checkFinding';

const COMMAND: Record<FindingSeverity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function githubAnnotations(run: CheckRun): string[] {
  const lines: string[] = [];
  for (const p of run.problems) lines.push(`::error::${data(p)}`);
  for (const f of run.findings) {
    const props = [
      `file=${prop(f.file)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${prop(`KubeMate ${f.code}`)}`,
    ];
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}`);
  }
  return lines;
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
