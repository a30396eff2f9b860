// `kubectl edit <kind>/<name>`: the live object as YAML under kubectl's header; saving the file
// applies what changed between the text shown and the text saved to the live object (status is
// the server's and is left alone). An invalid edit is given back with the reasons in the header,
// as kubectl reopens the editor, so nothing the user typed is lost.
// upstream: kubectl pkg/cmd/util/editor/editoptions.go (editHeader, manualStrip, the "edited",
// "Edit cancelled, no changes made." and "… was not valid" words; the patch original → edited is
// applied to the live object, which threeWayMerge does with the shown text as "last").
import { parseDocument } from 'yaml';
import type { Simulator } from '../../cluster/simulator';
import type { KObject } from '../../cluster/types';
import { clone } from '../../cluster/types';
import { threeWayMerge } from '../../cluster/threeWayMerge';
import { applyDefaults } from '../../cluster/defaults';
import { validateUpdate } from '../../cluster/apply';
import { allocateService } from '../../cluster/controllers/service';
import { deepEqual } from '../../cluster/controllerUtils';
import { validateObject } from '../../k8s/apiValidation';
import { type FieldError, formatFieldError } from '../../k8s/fieldError';
import { kubectlName, resourceName } from '../../k8s/resources';
import { tracksGeneration } from '../../k8s/generation';
import { stateLines } from '../printers/clusterText';
import { objectsYaml } from '../printers/objectsYaml';
import { err, groupOf, notFound, out, type VerbResult } from '../verbResult';

const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '#',
];

export interface EditResult extends VerbResult {
  /**
   * The file to show next: the live object again after a save that applied or changed nothing,
   * or — when the edit was refused — the user's own text under the header listing why.
   */
  text: string;
}

/** kubectl's manualStrip: drops every line that starts with `#`. */
function stripComments(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

/** The text `kubectl edit` opens: the header, then the object as `kubectl get -o yaml` prints it. */
export function editText(
  sim: Simulator,
  kind: string,
  namespace: string | undefined,
  name: string,
): { found: boolean; text: string; lines: VerbResult['lines'] } {
  const obj = sim.get(kind, namespace ?? '', name);
  if (!obj) return { found: false, text: '', lines: notFound(kind, name).lines };
  return { found: true, text: `${HEADER.join('\n')}\n${objectsYaml([obj], true)}\n`, lines: [] };
}

/** The user's text again under the header and the reasons it was refused. */
function reopened(edited: string, head: string, causes: string[] = []): string {
  const reasons = [`# ${head}:`, ...causes.map((c) => `# * ${c}`), '#'];
  return [...HEADER, ...reasons, stripComments(edited).replace(/^\n+/, '')].join('\n');
}

function refused(edited: string, message: string, head: string, causes: string[] = []): EditResult {
  return { ok: false, found: true, lines: err(message), changed: [], deleted: [], text: reopened(edited, head, causes) };
}

/**
 * Applies a saved edit. `shown` is the text the editor opened (the base of the patch), `edited`
 * the text saved.
 */
export function applyEdit(sim: Simulator, kind: string, namespace: string | undefined, name: string, shown: string, edited: string): EditResult {
  const group = groupOf(kind);
  const live = sim.get(kind, namespace ?? '', name);
  if (!live) return { ...notFound(kind, name, group), text: edited };
  const again = () => editText(sim, kind, namespace, name).text;
  const cancelled = (message: string): EditResult => ({ ok: true, found: true, lines: err(message), changed: [], deleted: [], text: again() });
  const body = stripComments(edited);
  if (!body.trim()) return cancelled('Edit cancelled, saved file was empty.');
  if (body === stripComments(shown)) return cancelled('Edit cancelled, no changes made.');
  const doc = parseDocument(body);
  if (doc.errors.length) {
    const why = `The edited file had a syntax error: ${doc.errors[0].message.split('\n')[0]}`;
    return refused(edited, `error: ${why}`, why);
  }
  const next = doc.toJS() as KObject | null;
  const before = parseDocument(stripComments(shown)).toJS() as KObject | null;
  if (!next || typeof next !== 'object' || Array.isArray(next)) {
    const why = 'The edited file had a syntax error: the object must be a YAML mapping';
    return refused(edited, `error: ${why}`, why);
  }
  const same = (o: KObject | null) =>
    o?.apiVersion === live.apiVersion &&
    o?.kind === live.kind &&
    o?.metadata?.name === live.metadata.name &&
    (o?.metadata?.namespace ?? '') === (live.metadata.namespace ?? '');
  if (!same(next)) {
    const why = 'At least one of apiVersion, kind and name was changed';
    return refused(edited, `error: ${why}`, why);
  }
  // Status belongs to the status subresource: an edit of it is not sent, as kubectl's patch to the main resource ignores it.
  const base = clone(before ?? live) as Record<string, unknown>;
  const wanted = clone(next) as Record<string, unknown>;
  delete base.status;
  delete wanted.status;
  const merged = threeWayMerge(live, base, wanted) as KObject;
  applyDefaults(merged);
  const errors: FieldError[] = [...validateObject(merged as unknown as Record<string, unknown>), ...validateUpdate(kind, live, merged)];
  if (!errors.length && kind === 'Service') errors.push(...allocateService(sim.store, merged, live));
  const what = resourceName(kind, group);
  if (errors.length) return refused(edited, `error: ${what} "${name}" is invalid`, `${what} "${name}" was not valid`, errors.map(formatFieldError));
  if (deepEqual(merged, live)) return cancelled('Edit cancelled, no changes made.');
  const r = sim.mutate((store) => {
    if (tracksGeneration(kind) && !deepEqual(merged.spec, live.spec)) merged.metadata.generation = (live.metadata.generation ?? 1) + 1;
    store.replace(merged);
    return { ok: true, lines: [] };
  });
  const ns = merged.metadata.namespace ?? 'default';
  return {
    ok: true,
    found: true,
    lines: out(`${kubectlName(kind, group)}/${name} edited`),
    state: stateLines(sim, [ns], r),
    changed: [{ kind, namespace: merged.metadata.namespace ?? null, name }],
    deleted: [],
    run: r,
    text: again(),
  };
}
