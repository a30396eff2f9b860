// `kubectl edit` in the editor: the text of the `kubemate-live:` document and what a save does,
// through the kubectl layer's edit verb (the CLI's words), with a localised line for the notification.
import type { EditObjectRequest, LiveObjectRequest } from '../../protocol/clusterProtocol';
import type { ObjectRef } from '../../protocol/clusterView';
import { kubectlName } from '../../k8s/resources';
import { allLines, groupOf, outputText } from '../../kubectl/verbResult';
import { applyEdit, editText } from '../../kubectl/verbs/edit';
import type { WorkspaceCluster } from './workspaceCluster';
import { actionOutput } from './clusterOutput';
import { t } from '../../util/l10n';

function editCommand(ref: ObjectRef): string {
  const ns = ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '';
  return `kubectl edit ${kubectlName(ref.kind, groupOf(ref.kind))}/${ref.name}${ns}`;
}

export function liveObject(cluster: WorkspaceCluster, ref: ObjectRef): LiveObjectRequest.Result {
  const r = editText(cluster.sim, ref.kind, ref.namespace ?? undefined, ref.name);
  return { found: r.found, text: r.found ? r.text : `# ${outputText(r.lines)}\n`, output: r.found ? '' : actionOutput(editCommand(ref), r.lines) };
}

export function editObject(cluster: WorkspaceCluster, p: EditObjectRequest.Params): EditObjectRequest.Result {
  const ref = p.target;
  const r = applyEdit(cluster.sim, ref.kind, ref.namespace ?? undefined, ref.name, p.shown, p.edited);
  const applied = r.ok && r.changed.length > 0;
  const output = actionOutput(editCommand(ref), allLines(r));
  let message: string;
  if (!r.found) message = t('{0} {1} no longer exists in the simulated cluster.', ref.kind, ref.name);
  else if (applied) message = t('{0} {1} edited: the simulated cluster now runs your change.', ref.kind, ref.name);
  else if (r.ok) message = t('Nothing changed in {0} {1}: the saved text is the live object.', ref.kind, ref.name);
  else message = t('The edit of {0} {1} was refused; your text is kept with the reasons at the top. Fix it and save again.', ref.kind, ref.name);
  return { ok: r.ok, applied, message, output, text: r.text, changed: r.changed };
}
