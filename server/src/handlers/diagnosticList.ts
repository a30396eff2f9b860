// An open document's findings as LSP Diagnostics, kept from one publish to the next. Findings are
// reused by identity across versions (pipeline/documentRuns), so a keystroke's list shares a head
// and a tail with the last one: those entries are taken from the last list by position, and only
// the findings between are looked up (toDiagnostic, one Diagnostic per Finding object). The same
// findings give the same array back, which the publisher compares in one step.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Finding } from '../findings/finding';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** A finding as an LSP Diagnostic, made anew. */
export function lspDiagnostic(d: Finding): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'kubemate',
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
    // Cross-resource diagnostics link to the other documents involved.
    ...(d.related?.length ? { relatedInformation: d.related } : {}),
  };
}

/** One Diagnostic per Finding object: memoised findings give the same Diagnostic, so the publisher compares by identity. */
const converted = new WeakMap<Finding, Diagnostic>();

export function toDiagnostic(d: Finding): Diagnostic {
  let hit = converted.get(d);
  if (!hit) converted.set(d, (hit = lspDiagnostic(d)));
  return hit;
}

export class DiagnosticList {
  private found: readonly Finding[] = [];
  private diagnostics: Diagnostic[] = [];

  /** A list that goes on from where this one is; converting with either leaves the other as it was. */
  copy(): DiagnosticList {
    const c = new DiagnosticList();
    c.found = this.found;
    c.diagnostics = this.diagnostics;
    return c;
  }

  /** The Diagnostics of the last convert (what was published). */
  get last(): readonly Diagnostic[] {
    return this.diagnostics;
  }

  /** `found` as Diagnostics: what toDiagnostic gives for each, the last list's entries where the findings are the same objects. */
  convert(found: readonly Finding[]): Diagnostic[] {
    const last = this.found;
    const n = found.length;
    const m = last.length;
    const shorter = Math.min(n, m);
    let head = 0;
    while (head < shorter && found[head] === last[head]) head++;
    if (head === n && n === m) {
      this.found = found;
      return this.diagnostics;
    }
    let tail = 0;
    while (tail < shorter - head && found[n - 1 - tail] === last[m - 1 - tail]) tail++;
    const out: Diagnostic[] = new Array(n);
    for (let i = 0; i < head; i++) out[i] = this.diagnostics[i];
    for (let i = head; i < n - tail; i++) out[i] = toDiagnostic(found[i]);
    for (let i = n - tail; i < n; i++) out[i] = this.diagnostics[i - n + m];
    this.found = found;
    this.diagnostics = out;
    return out;
  }
}
