// The simulated cluster over LSP: dry-run apply, the view model, describe, history, learning
// actions and the cluster profile (messages in protocol/clusterProtocol.ts), plus the
// `▶ Dry-run apply` CodeLens. Every change is saved and pushed to the client as a new view.
import { CodeLens, ErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver/node';
import type { ServerContext } from './serverContext';
import {
  ClusterActionRequest,
  ClusterChangedNotification,
  ClusterSnapshotRequest,
  ClusterViewRequest,
  DefaultProfileRequest,
  DescribeRequest,
  DryRunRequest,
  DryRunResult,
  InitializationOptions,
  LoadProfileRequest,
  RolloutHistoryRequest,
  SecretValuesRequest,
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
import { defaultProfileText } from './cluster/defaultProfile';
import { dryRunLenses } from '../features/codeLens/dryRunLenses';
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
  const summary = applySummary({ applied, skipped: read.skipped, pods, stable: r.result?.stable ?? true });
  return { summary, output: actionOutput(params.command, allLines(r), read.problems), changed: r.changed };
}

export function registerClusterHandler(ctx: ServerContext): ClusterHandler {
  const { connection, documents } = ctx;
  const cluster = new WorkspaceCluster();

  const changed = () => {
    cluster.save();
    void connection.sendNotification(ClusterChangedNotification.method, cluster.view());
  };

  /** Like ctx.guard, but a request that fails answers with an error the client can show. */
  const request = <P, R>(name: string, fn: (p: P) => R) => (p: P): R => {
    try {
      return fn(p);
    } catch (e) {
      connection.console.error(`[kubemate] ${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, t('KubeMate could not finish this: {0}', e instanceof Error ? e.message : String(e)));
    }
  };

  connection.onRequest(
    DryRunRequest.method,
    request('dry-run', (p: DryRunRequest.Params) => {
      const r = dryRun(cluster, p);
      changed();
      return r;
    }),
  );
  connection.onRequest(ClusterViewRequest.method, request('view', () => cluster.view()));
  connection.onRequest(
    ClusterSnapshotRequest.method,
    request('snapshot', (): ClusterSnapshot => cluster.sim.snapshot()),
  );
  connection.onRequest(DescribeRequest.method, request('describe', (p: DescribeRequest.Params) => describeText(cluster.sim, p.target)));
  connection.onRequest(RolloutHistoryRequest.method, request('rollout history', (p: DescribeRequest.Params) => historyOf(cluster.sim, p.target)));
  connection.onRequest(SecretValuesRequest.method, request('secret values', (p: DescribeRequest.Params) => ({ values: secretValues(cluster.sim, p.target) })));
  connection.onRequest(SourceRequest.method, request('source', (p: DescribeRequest.Params) => cluster.findSource(p.target)));
  connection.onRequest(
    ClusterActionRequest.method,
    request('action', (a: ClusterActionRequest.Params) => {
      const r = runClusterAction(cluster, a);
      changed();
      return r;
    }),
  );
  connection.onRequest(
    LoadProfileRequest.method,
    request('cluster profile', (p: LoadProfileRequest.Params) => {
      const r = cluster.loadProfile(p.uri, p.text);
      if (!r.ok) {
        const message = t('The cluster profile cannot be used; the cluster was not changed.');
        return { ok: false, message, problems: r.problems, output: [commandHeader(`kubemate --cluster ${p.uri}`), message, ...r.problems.map((x) => `  ${x}`)].join('\n') };
      }
      changed();
      const message = t('The simulated cluster was rebuilt with the {0} nodes of the profile; {1} objects you applied were applied again (pod names and rollout history start over).', r.nodes, r.reapplied);
      return { ok: true, message, problems: [], output: [commandHeader(`kubemate --cluster ${p.uri} --reset`), message, ...r.lines].join('\n') };
    }),
  );
  connection.onRequest(DefaultProfileRequest.method, request('default profile', () => ({ text: defaultProfileText() })));
  connection.onNotification(TrustNotification.method, (p: TrustNotification.Params) => {
    if (p.trusted) ctx.guard('trust', undefined, () => cluster.trust());
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
