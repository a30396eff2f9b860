// What every kubectl verb returns, as plain data: kubectl's words (each line tagged with the
// stream kubectl prints it on), whether it worked, and what changed. The CLI writes the lines to
// stdout/stderr and turns `ok` into an exit code; the editor joins them into its output channel
// and adds a localised notification and a tree reveal.
import type { ObjectRef } from '../protocol/clusterView';
import type { RunResult } from '../cluster/simulator';
import { resolveResource, resourceName } from '../k8s/resources';

export interface OutputLine {
  stream: 'out' | 'err';
  text: string;
}

export interface VerbResult {
  /** False: the CLI exits 1. */
  ok: boolean;
  /** False when the object the verb names does not exist (the lines then hold kubectl's NotFound). */
  found: boolean;
  lines: OutputLine[];
  /**
   * KubeMate's addition after kubectl's words: the state the action left (rollout steps, pods,
   * endpoints, warnings), printed on stdout. kubectl itself prints none of it.
   */
  state?: string[];
  /** Objects created or updated by the verb or by the controllers reacting to it. */
  changed: ObjectRef[];
  /** Objects removed. */
  deleted: ObjectRef[];
  /** The controllers' reaction (events, rollout timeline), when the verb changed the cluster. */
  run?: RunResult;
}

export const out = (...texts: string[]): OutputLine[] => texts.map((text) => ({ stream: 'out', text }));
export const err = (...texts: string[]): OutputLine[] => texts.map((text) => ({ stream: 'err', text }));

/** kubectl's words, then the state block on stdout. */
export function allLines(r: VerbResult): OutputLine[] {
  return r.state?.length ? [...r.lines, ...out(...r.state)] : r.lines;
}

/** The whole output as one text, in order (the editor's output channel). */
export function outputText(lines: OutputLine[]): string {
  return lines.map((l) => l.text).join('\n');
}

export function groupOf(kind: string): string {
  return resolveResource(kind)?.group ?? '';
}

/** kubectl's `Error from server (NotFound): deployments.apps "web" not found`. */
export function notFoundLine(kind: string, name: string, group = groupOf(kind)): string {
  return `Error from server (NotFound): ${resourceName(kind, group)} "${name}" not found`;
}

export function notFound(kind: string, name: string, group = groupOf(kind)): VerbResult {
  return { ok: false, found: false, lines: err(notFoundLine(kind, name, group)), changed: [], deleted: [] };
}

export function failed(...messages: string[]): VerbResult {
  return { ok: false, found: true, lines: err(...messages), changed: [], deleted: [] };
}

/** Several actions' reactions as one (a multi-object delete). */
export function mergeRuns(runs: RunResult[]): RunResult {
  return {
    rounds: Math.max(0, ...runs.map((r) => r.rounds)),
    stable: runs.every((r) => r.stable),
    events: runs.flatMap((r) => r.events),
    timeline: runs.flatMap((r) => r.timeline),
  };
}
