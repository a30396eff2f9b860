// "Send Request…" on a Service, an Ingress, a NodePort Service or a pod in the Simulated Cluster
// view: the server traces where the request goes (`kubemate request`) and the trace lands in the
// KubeMate output and as a picture in the topology view (its path, the pod that answered, where it
// stopped, the spread of --count). The target is prefilled from the item; the origin and the count are asked.
import * as vscode from 'vscode';
import { SendRequestRequest } from '../../../server/src/protocol/clusterProtocol';
import type { ObjectRef } from '../../../server/src/protocol/clusterView';
import { suggestedTarget } from '../clusterView/requestSuggestion';
import type { Services } from './services';
import { t } from '../l10n';
import { TopologyPanel } from '../webview/topologyPanel';

export type SendRequestPreset = Partial<Omit<SendRequestRequest.Params, 'namespace'>>;

export async function sendRequest(s: Services, ref: ObjectRef, preset?: SendRequestPreset): Promise<SendRequestRequest.Result | undefined> {
  const ns = ref.namespace ?? 'default';
  const suggested = suggestedTarget(await s.state.get(), ref);
  let params: SendRequestRequest.Params = { target: suggested.target, fromPod: null, fromOutside: suggested.fromOutside, namespace: ns, count: 1, ...preset };
  if (!preset) {
    const target = await vscode.window.showInputBox({
      title: t('Send Request…'),
      prompt: t('Where to send it: http://<service>[.<namespace>]:<port>/<path>, <node-ip>:<nodePort>, an Ingress host + path, or a pod IP'),
      value: suggested.target,
    });
    if (target === undefined) return undefined;
    const inside = { label: t('From a temporary pod in namespace {0}', ns), fromOutside: false };
    const outside = { label: t('From outside the cluster'), fromOutside: true };
    const origin = await vscode.window.showQuickPick(suggested.fromOutside ? [outside, inside] : [inside, outside], {
      title: t('Send Request…'),
      placeHolder: t('Where does the request come from?'),
    });
    if (!origin) return undefined;
    const count = await vscode.window.showInputBox({
      title: t('Send Request…'),
      prompt: t('How many requests (the spread over the pods is shown)'),
      value: '1',
      validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 10000 ? undefined : t('A whole number from 1 to 10000.')),
    });
    if (count === undefined) return undefined;
    params = { ...params, target: target.trim(), fromOutside: origin.fromOutside, count: Number(count.trim()) };
  }
  const r = await s.request(SendRequestRequest.type, params);
  s.output.append(r.output);
  if (r.trace) TopologyPanel.showRequest(s, r.trace);
  if (r.ok) void vscode.window.showInformationMessage(r.message);
  else void vscode.window.showWarningMessage(r.message);
  return r;
}
