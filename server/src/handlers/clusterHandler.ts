// The simulated cluster over LSP: dry-run apply, the view model, describe, history, learning
// actions and the cluster profile (messages in protocol/clusterProtocol.ts), plus the
// `▶ Dry-run apply` CodeLens. Every change is saved and pushed to the client as a new view.
import { CodeLens, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { ServerContext } from './serverContext';
import {
  ClusterActionRequest,
  ClusterChangedNotification,
  ClusterSnapshotRequest,
  ClusterViewRequest,
  DefaultProfileRequest,
  DescribeRequest,
  EditObjectRequest,
  LiveObjectRequest,
  DryRunRequest,
  DryRunResult,
  InitializationOptions,
  LoadProfileRequest,
  RolloutHistoryRequest,
  SecretValuesRequest,
  SendRequestRequest,
  SourceRequest,
  TrustNotification,
} from '../protocol/clusterProtocol';
import type { ClusterSnapshot } from '../protocol/clusterSnapshot';
import { WorkspaceCluster } from './cluster/workspaceCluster';
import { dryRunInputs } from './cluster/dryRunInput';
import { actionOutput, commandHeader } from './cluster/clusterOutput';
import { applyVerb } from '../kubectl/verbs/apply';
import { allLines } from '../kubectl/verbResult';
import { applySummary } from './cluster/summaryLine';
import { runClusterAction } from './cluster/clusterActions';
import { describeText, historyOf, secretValues } from './cluster/clusterQueries';
import { editObject, liveObject } from './cluster/editObject';
import { defaultProfileText } from './cluster/defaultProfile';
import { dryRunLenses } from '../features/codeLens/dryRunLenses';
import { explainAll } from '../cluster/why/explainWhy';
import { sendRequest } from './cluster/sendRequest';
import { t } from '../util/l10n';

export interface ClusterHandler {
  cluster: WorkspaceCluster;
  initialize(opts: InitializationOptions): void;
  /** After `initialized`: load the saved cluster and tell the user about any problem. */
  start(): void;
}

export function dryRun(cluster: WorkspaceCluster, params: DryRunRequest.Params): DryRunResult {
  const read = dryRunInputs(params.sources);
  const sim = cluster.sim;
  const r = applyVerb(sim, read.inputs);
  const applied = r.result?.applied ?? [];
  applied.forEach((a, i) => {
    if (a.action === 'error' || !read.inputs[i].source) return;
    cluster.recordSource({ kind: a.kind, namespace: a.namespace, name: a.name }, { uri: read.uris[i], line: read.inputs[i].source!.line });
  });
  const namespaces = new Set(applied.filter((a) => a.action !== 'error' && a.namespace).map((a) => a.namespace as string));
  if (!namespaces.size) namespaces.add('default');
  const pods = sim.snapshot((ns) => namespaces.has(ns ?? '')).pods;
  const why = explainAll(sim.store, (ns) => namespaces.has(ns))[0];
  const summary = applySummary({
    applied,
    skipped: read.skipped,
    pods,
    stable: r.result?.stable ?? true,
    why: why ? `${why.object.kind.toLowerCase()}/${why.object.name}: ${why.text.cause} ${why.text.fix}` : null,
  });
  return { summary, output: actionOutput(params.command, allLines(r), read.problems), changed: r.changed };
}

export function registerClusterHandler(ctx: ServerContext): ClusterHandler {
  const { connection, documents } = ctx;
  const cluster = new WorkspaceCluster();
  cluster.textOf = (uri) => documents.get(uri)?.getText();

  // Saving happens in cluster.transact (on the latest saved state); a save that failed is told here.
  const changed = () => {
    for (const message of cluster.takeNotices()) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    void connection.sendNotification(ClusterChangedNotification.method, cluster.view());
  };
  // Reads first show what another window or `kubemate --state` saved meanwhile.
  const fresh = () => {
    cluster.refresh();
    return cluster;
  };

  // Each request typed by its declaration in protocol/clusterProtocol.ts (params and result checked).
  ctx.onRequest(DryRunRequest.type, 'dry-run', (p) => {
    const r = cluster.transact(() => dryRun(cluster, p));
    changed();
    return r;
  });
  ctx.onRequest(ClusterViewRequest.type, 'view', () => fresh().view());
  ctx.onRequest(ClusterSnapshotRequest.type, 'snapshot', (): ClusterSnapshot => fresh().sim.snapshot());
  ctx.onRequest(DescribeRequest.type, 'describe', (p) => describeText(fresh().sim, p.target));
  ctx.onRequest(RolloutHistoryRequest.type, 'rollout history', (p) => historyOf(fresh().sim, p.target));
  ctx.onRequest(SecretValuesRequest.type, 'secret values', (p) => ({ values: secretValues(fresh().sim, p.target) }));
  ctx.onRequest(SourceRequest.type, 'source', (p) => fresh().findSource(p.target));
  ctx.onRequest(LiveObjectRequest.type, 'live object', (p) => liveObject(fresh(), p.target));
  ctx.onRequest(EditObjectRequest.type, 'edit', (p) => {
    const r = cluster.transact(() => editObject(cluster, p));
    if (r.applied) changed();
    return r;
  });
  ctx.onRequest(ClusterActionRequest.type, 'action', (a) => {
    const r = cluster.transact(() => runClusterAction(cluster, a));
    changed();
    return r;
  });
  ctx.onRequest(SendRequestRequest.type, 'send request', (p) => sendRequest(fresh().sim, p));
  ctx.onRequest(LoadProfileRequest.type, 'cluster profile', (p) => {
    const r = cluster.transact(() => cluster.loadProfile(p.uri, p.text));
    if (!r.ok) {
      const message = t('The cluster profile cannot be used; the cluster was not changed.');
      return {
        ok: false,
        message,
        problems: r.problems,
        output: [commandHeader(`kubemate --cluster ${p.uri}`), message, ...r.problems.map((x) => `  ${x}`)].join('\n'),
      };
    }
    changed();
    const message = t(
      'The simulated cluster was rebuilt with the {0} nodes of the profile; {1} objects you applied were applied again (pod names and rollout history start over).',
      r.nodes,
      r.reapplied,
    );
    return { ok: true, message, problems: [], output: [commandHeader(`kubemate --cluster ${p.uri} --reset`), message, ...r.lines].join('\n') };
  });
  ctx.onRequest(DefaultProfileRequest.type, 'default profile', () => ({ text: defaultProfileText() }));
  ctx.onNotification(TrustNotification.type, 'trust', (p) => {
    if (p.trusted) cluster.trust();
  });

  // Merged with the navigation lenses by ServerContext (LSP has one CodeLens handler).
  ctx.addCodeLensProvider('dry-run', (doc): CodeLens[] =>
    dryRunLenses(ctx.parsed(doc)).map((l) => ({
      range: { start: { line: l.line, character: 0 }, end: { line: l.line, character: 0 } },
      command: { title: t('▶ Dry-run apply'), command: 'kubemate.dryRunDocument', arguments: [doc.uri, l.index] },
    })),
  );

  return {
    cluster,
    initialize: (opts) => cluster.configure(opts),
    start: () =>
      ctx.guard('cluster start', undefined, () => {
        // A plain notification: a showMessageRequest would wait for (and crash without) an answer.
        for (const m of cluster.start()) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: m });
        changed();
      }),
  };
}
