// The Simulated Cluster view's item actions (issue 5 §3): describe, reveal source, delete a pod or
// an object, scale, rollout history / undo, cordon / uncordon / drain, fail / recover readiness,
// reveal a Secret, reset. Each forwards to the server and shows what it answered.
import * as vscode from 'vscode';
import {
  ClusterAction,
  ClusterActionRequest,
  RolloutHistoryRequest,
  SecretValuesRequest,
  SourceRequest,
  objectId,
} from '../../../server/src/protocol/clusterProtocol';
import type { ObjectRef } from '../../../server/src/protocol/clusterView';
import type { TreeNode } from '../clusterView/treeNode';
import { openDescribe } from './describeDocument';
import { LiveObjectFs, openLiveObject } from './liveObjectFs';
import { sendRequest, SendRequestPreset } from './sendRequest';
import { targetOf } from './pickTarget';
import { COMMANDS, Services } from './services';
import { t } from '../l10n';

async function runAction(s: Services, action: ClusterAction): Promise<boolean> {
  const r = await s.request(ClusterActionRequest.type, action);
  s.output.append(r.output);
  void s.tree.reveal(r.changed);
  if (r.ok) void vscode.window.showInformationMessage(r.message);
  else {
    s.output.revealOnError();
    void vscode.window.showWarningMessage(r.message);
  }
  return r.ok;
}

async function revealSource(s: Services, ref: ObjectRef): Promise<void> {
  const loc = await s.request(SourceRequest.type, { target: ref });
  if (!loc) {
    void vscode.window.showInformationMessage(
      t('KubeMate does not know which manifest {0} {1} came from (it was not applied from this workspace, or the cluster was rebuilt).', ref.kind, ref.name),
    );
    return;
  }
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(loc.uri));
    const pos = new vscode.Position(Math.max(0, loc.line - 1), 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
  } catch {
    void vscode.window.showWarningMessage(t('The manifest {0} is no longer available.', loc.uri));
  }
}

async function scale(s: Services, ref: ObjectRef): Promise<void> {
  const w = (await s.state.get()).workloads.find((x) => x.kind === ref.kind && x.namespace === ref.namespace && x.name === ref.name);
  const value = await vscode.window.showInputBox({
    title: t('Scale {0} {1}', ref.kind, ref.name),
    prompt: t('Number of replicas (kubectl scale --replicas)'),
    value: String(w?.desired ?? 1),
    validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) <= 100 ? undefined : t('A whole number from 0 to 100.')),
  });
  if (value === undefined) return;
  await runAction(s, { action: 'scale', target: ref, replicas: Number(value.trim()) });
}

async function rolloutHistory(s: Services, ref: ObjectRef): Promise<void> {
  const h = await s.request(RolloutHistoryRequest.type, { target: ref });
  const lines = [`> kubectl rollout history deployment/${ref.name}${ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : ''}`, h.text];
  for (const r of h.revisions)
    lines.push(t('  revision {0}: {1} (ReplicaSet {2}){3}', r.revision, r.images.join(', '), r.replicaSet, r.current ? t(' ← current') : ''));
  s.output.append(lines.join('\n'));
}

async function rolloutUndo(s: Services, ref: ObjectRef): Promise<void> {
  const h = await s.request(RolloutHistoryRequest.type, { target: ref });
  const older = h.revisions.filter((r) => !r.current).reverse();
  if (!older.length) {
    void vscode.window.showInformationMessage(
      t('Deployment {0} has no earlier revision to go back to. Change its pod template (e.g. the image) and apply again first.', ref.name),
    );
    return;
  }
  const items = older.map((r, i) => ({
    label: t('Revision {0}', r.revision),
    description: r.images.join(', '),
    detail: i === 0 ? t('the previous revision (kubectl rollout undo)') : r.changeCause,
    revision: i === 0 ? 0 : r.revision,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: t('Roll back {0} to…', ref.name) });
  if (picked) await runAction(s, { action: 'rolloutUndo', target: ref, toRevision: picked.revision });
}

async function setImage(s: Services, ref: ObjectRef): Promise<void> {
  const w = (await s.state.get()).workloads.find((x) => x.kind === ref.kind && x.namespace === ref.namespace && x.name === ref.name);
  const images = w?.images ?? [];
  // One container: just the image (kubectl's `*=image`). Several: container=image, as kubectl takes it.
  const single = images.length <= 1;
  const value = await vscode.window.showInputBox({
    title: t('Set the image of {0} {1}', ref.kind, ref.name),
    prompt: single
      ? t('New image (kubectl set image); a changed image starts a rollout')
      : t('container=image (kubectl set image); a changed image starts a rollout'),
    value: single ? (images[0] ?? '') : '',
    validateInput: (v) =>
      (single ? /^\S+$/.test(v.trim()) : /^[a-z0-9-]+=\S+$/.test(v.trim()))
        ? undefined
        : t('An image reference without spaces, e.g. nginx:1.27 (or container=image).'),
  });
  if (value === undefined) return;
  const v = value.trim();
  const [container, image] = single ? ['*', v] : [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)];
  await runAction(s, { action: 'setImage', target: ref, container, image });
}

async function label(s: Services, ref: ObjectRef): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: t('Label {0} {1}', ref.kind, ref.name),
    prompt: t('key=value to add or change, key- to remove (kubectl label)'),
    validateInput: (v) => (/^[A-Za-z0-9./_-]+(=[A-Za-z0-9._-]*|-)$/.test(v.trim()) ? undefined : t('Write key=value or key-.')),
  });
  if (value === undefined) return;
  const v = value.trim();
  if (v.endsWith('-') && !v.includes('=')) {
    await runAction(s, { action: 'label', target: ref, key: v.slice(0, -1), value: null });
    return;
  }
  const [key, val] = [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)];
  if (await runAction(s, { action: 'label', target: ref, key, value: val })) return;
  const overwrite = t('Overwrite');
  if ((await vscode.window.showWarningMessage(t('{0} already has a value for {1}. Replace it (--overwrite)?', ref.name, key), overwrite)) === overwrite) {
    await runAction(s, { action: 'label', target: ref, key, value: val, overwrite: true });
  }
}

async function taint(s: Services, node: string): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: t('Taint node {0}', node),
    prompt: t('key=value:Effect to add (NoSchedule, PreferNoSchedule or NoExecute), key- to remove (kubectl taint)'),
    placeHolder: 'dedicated=gpu:NoSchedule',
    validateInput: (v) =>
      /^[A-Za-z0-9./_-]+((=[A-Za-z0-9._-]*)?:(NoSchedule|PreferNoSchedule|NoExecute)|(:(NoSchedule|PreferNoSchedule|NoExecute))?-)$/.test(v.trim())
        ? undefined
        : t('Write key=value:Effect (Effect: NoSchedule, PreferNoSchedule or NoExecute), or key- to remove.'),
  });
  if (value === undefined) return;
  const spec = value.trim();
  if ((await runAction(s, { action: 'taint', node, specs: [spec] })) || spec.endsWith('-')) return;
  const overwrite = t('Overwrite');
  if (
    (await vscode.window.showWarningMessage(
      t('{0} already has a taint {1} with that effect. Replace it (--overwrite)?', node, spec.split(/[=:]/)[0]),
      overwrite,
    )) === overwrite
  ) {
    await runAction(s, { action: 'taint', node, specs: [spec], overwrite: true });
  }
}

async function drain(s: Services, node: string): Promise<void> {
  const ok = await runAction(s, { action: 'drain', node });
  if (ok) return;
  const force = t('Drain with --force');
  if (
    (await vscode.window.showWarningMessage(
      t('Pods without a controller are not evicted by drain: nothing would recreate them. Delete them anyway?'),
      force,
    )) === force
  ) {
    await runAction(s, { action: 'drain', node, force: true });
  }
}

async function toggleSecret(s: Services, ref: ObjectRef): Promise<void> {
  const id = objectId(ref);
  if (s.tree.revealedSecrets.delete(id)) {
    s.tree.redraw();
    return;
  }
  const r = await s.request(SecretValuesRequest.type, { target: ref });
  if (!r.values) return;
  s.tree.revealedSecrets.set(id, r.values);
  s.tree.redraw();
  void s.tree.reveal([ref], { force: true });
}

async function deleteObject(s: Services, ref: ObjectRef): Promise<void> {
  const del = t('Delete');
  const answer = await vscode.window.showWarningMessage(
    t('Delete {0} {1} from the simulated cluster? (Your manifest is not changed.)', ref.kind, ref.name),
    { modal: true },
    del,
  );
  if (answer === del) await runAction(s, { action: 'deleteObject', target: ref });
}

async function reset(s: Services): Promise<void> {
  const yes = t('Reset');
  const answer = await vscode.window.showWarningMessage(
    t('Reset the simulated cluster? Every object you applied is removed; your files are not touched.'),
    { modal: true },
    yes,
  );
  if (answer !== yes) return;
  s.tree.revealedSecrets.clear();
  await runAction(s, { action: 'reset' });
}

export function registerItemCommands(s: Services, live: LiveObjectFs): vscode.Disposable[] {
  const on = (id: string, kinds: string[], placeholder: string, fn: (ref: ObjectRef) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (node?: TreeNode) => {
      const ref = await targetOf(s, node, kinds, placeholder);
      if (ref) await fn(ref);
    });
  const workloads = [
    'Deployment',
    'ReplicaSet',
    'StatefulSet',
    'DaemonSet',
    'Job',
    'CronJob',
    'Pod',
    'Service',
    'Ingress',
    'ConfigMap',
    'Secret',
    'Node',
    'Endpoints',
    'Namespace',
    '*',
  ];
  return [
    on(COMMANDS.describe, workloads, t('Describe which object?'), (ref) => openDescribe(ref)),
    on(COMMANDS.editObject, workloads, t('Edit which live object?'), (ref) => openLiveObject(live, ref)),
    on(COMMANDS.revealSource, workloads, t('Reveal the manifest of which object?'), (ref) => revealSource(s, ref)),
    on(COMMANDS.deletePod, ['Pod'], t('Delete which pod?'), (ref) => runAction(s, { action: 'deletePod', target: ref })),
    on(COMMANDS.deleteObject, workloads, t('Delete which object?'), (ref) =>
      ref.kind === 'Pod' ? runAction(s, { action: 'deletePod', target: ref }) : deleteObject(s, ref),
    ),
    on(COMMANDS.scale, ['Deployment', 'StatefulSet', 'ReplicaSet'], t('Scale which workload?'), (ref) => scale(s, ref)),
    on(COMMANDS.rolloutHistory, ['Deployment'], t('History of which Deployment?'), (ref) => rolloutHistory(s, ref)),
    on(COMMANDS.rolloutUndo, ['Deployment'], t('Roll back which Deployment?'), (ref) => rolloutUndo(s, ref)),
    on(COMMANDS.rolloutRestart, ['Deployment'], t('Restart which Deployment?'), (ref) => runAction(s, { action: 'rolloutRestart', target: ref })),
    on(COMMANDS.setImage, ['Deployment', 'StatefulSet', 'DaemonSet'], t('Set the image of which workload?'), (ref) => setImage(s, ref)),
    on(COMMANDS.label, ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Service', 'Node', 'Namespace'], t('Label which object?'), (ref) =>
      label(s, ref),
    ),
    on(COMMANDS.cordonNode, ['Node'], t('Cordon which node?'), (ref) => runAction(s, { action: 'cordon', node: ref.name })),
    on(COMMANDS.uncordonNode, ['Node'], t('Uncordon which node?'), (ref) => runAction(s, { action: 'uncordon', node: ref.name })),
    on(COMMANDS.drainNode, ['Node'], t('Drain which node?'), (ref) => drain(s, ref.name)),
    on(COMMANDS.taintNode, ['Node'], t('Taint which node?'), (ref) => taint(s, ref.name)),
    on(COMMANDS.failReadiness, ['Pod'], t('Make which pod not ready?'), (ref) => runAction(s, { action: 'failReadiness', target: ref })),
    on(COMMANDS.recoverReadiness, ['Pod'], t('Make which pod ready again?'), (ref) => runAction(s, { action: 'recoverReadiness', target: ref })),
    on(COMMANDS.crashContainer, ['Pod'], t('Crash the container of which pod?'), (ref) => runAction(s, { action: 'fault', target: ref, fault: 'crash' })),
    on(COMMANDS.oomKillContainer, ['Pod'], t('Push which pod over its memory limit?'), (ref) => runAction(s, { action: 'fault', target: ref, fault: 'oom' })),
    on(COMMANDS.failLiveness, ['Pod'], t('Fail the liveness probe of which pod?'), (ref) => runAction(s, { action: 'fault', target: ref, fault: 'liveness' })),
    on(COMMANDS.makeImageUnpullable, ['Pod'], t('Make the image of which pod unpullable?'), (ref) =>
      runAction(s, { action: 'fault', target: ref, fault: 'unpullable' }),
    ),
    on(COMMANDS.revealSecret, ['Secret'], t('Reveal the values of which Secret?'), (ref) => toggleSecret(s, ref)),
    // A test or a keybinding may pass the request itself as a second argument (no prompts).
    vscode.commands.registerCommand(COMMANDS.sendRequest, async (node?: TreeNode, preset?: SendRequestPreset) => {
      const ref = await targetOf(s, node, ['Service', 'Ingress', 'Pod'], t('Send a request to which Service, Ingress or pod?'));
      return ref ? sendRequest(s, ref, preset) : undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.resetCluster, () => reset(s)),
    vscode.commands.registerCommand(COMMANDS.showClusterView, () => vscode.commands.executeCommand('kubemate.clusterView.focus')),
  ];
}
