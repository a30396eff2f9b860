// `kubemate edit <kind>/<name> [-n ns] [--state F]`: kubectl edit on the simulated cluster. The
// live object goes to a temporary file opened with $KUBE_EDITOR, $EDITOR or vi (as kubectl picks
// it); on quitting, the change is applied. A refused edit is reopened under the reasons; quitting
// it unchanged keeps the file and ends with kubectl's words.
// upstream: kubectl pkg/cmd/util/editor/editoptions.go and editor.go (the editor choice, the loop).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliCommand, CliIO, CliOptions } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { parseArgs } from '../parseArgs';
import { openSession, withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf, parseTypeArgs } from '../typeArgs';
import { applyEdit, editText } from '../../kubectl/verbs/edit';
import { printLines } from '../printVerb';
import { allLines } from '../../kubectl/verbResult';
import { isNamespaced } from '../../k8s/resources';
import { t } from '../../util/l10n';

export const editCommand: CliCommand = {
  name: 'edit',
  summary: 'Edit a live object of the simulated cluster in your editor ($KUBE_EDITOR or $EDITOR); saving and quitting applies it.',
  usage: 'kubemate edit <kind>/<name> [-n ns] [--state F]',
  run: (args, io, opts) => runEdit(args, io, opts),
};

/** kubectl's editor: $KUBE_EDITOR, then $EDITOR, then vi; run through the shell when it has arguments. */
function editorOf(env: NodeJS.ProcessEnv): string {
  return (env.KUBE_EDITOR ?? '').trim() || (env.EDITOR ?? '').trim() || 'vi';
}

function openEditor(editor: string, file: string, env: NodeJS.ProcessEnv): { ok: boolean; why?: string } {
  const r = spawnSync(`${editor} '${file.replace(/'/g, `'\\''`)}'`, { shell: true, stdio: 'inherit', env });
  if (r.error) return { ok: false, why: r.error.message };
  if (r.status !== 0) return { ok: false, why: `exit status ${r.status ?? r.signal}` };
  return { ok: true };
}

async function runEdit(args: string[], io: CliIO, opts: CliOptions): Promise<number> {
  const { values, positionals } = parseArgs(args, { ...SESSION_OPTIONS, namespace: { type: 'string', short: 'n' } });
  const q = positionals.length ? parseTypeArgs(positionals) : undefined;
  if (!q?.name) throw new UsageError(t('Name the object to edit, e.g. `kubemate edit deployment/web`.'));
  const name = q.name;
  const session = openSession(values, io);
  if (typeof session === 'number') return session;
  const kind = q.kinds[0].kind;
  const namespace = isNamespaced(kind) ? namespaceOf(values) : undefined;
  const opened = editText(session.sim, kind, namespace, q.name);
  if (!opened.found) {
    printLines(io, opened.lines);
    return 1;
  }
  const env = opts.env ?? process.env;
  const editor = editorOf(env);
  const dir = mkdtempSync(join(tmpdir(), 'kubemate-edit-'));
  const file = join(dir, `${kind.toLowerCase()}-${q.name}.yaml`);
  let text = opened.text;
  for (;;) {
    writeFileSync(file, text);
    const ran = openEditor(editor, file, env);
    if (!ran.ok) {
      io.err(`error: there was a problem with the editor "${editor}": ${ran.why}`);
      io.err(
        t(
          'Set $KUBE_EDITOR or $EDITOR to an editor that waits until you close the file (for example `code --wait` or `nano`), or use "Edit Live Object" on the object in the KubeMate view of VS Code.',
        ),
      );
      return 1;
    }
    const edited = readFileSync(file, 'utf8');
    // Quitting a reopened file without touching it gives up, as kubectl does.
    if (text !== opened.text && edited === text) {
      io.err(`A copy of your changes has been stored to "${file}"`);
      io.err('error: Edit cancelled, no valid changes were saved.'); // l10n-exempt: kubectl's own words
      return 1;
    }
    // The change from what was opened to what was saved, applied to the latest saved cluster (as
    // kubectl edit patches the live object): another process's write meanwhile is not lost.
    const r = withSession(
      values,
      io,
      (s) => applyEdit(s.sim, kind, namespace, name, opened.text, edited),
      (r) => r.ok && r.changed.length > 0,
    );
    if (typeof r === 'number') return r;
    printLines(io, allLines(r));
    if (r.ok) {
      // As kubectl: the temporary file goes once the edit is applied or cancelled; a refused one is kept.
      rmSync(dir, { recursive: true, force: true });
      return 0;
    }
    if (!r.found) return 1;
    text = r.text;
  }
}
