// An untrusted workspace (issue 12 §5): the language server, started as the extension starts it
// there (trusted: false), runs a whole editor session — open, hover, complete, lenses, symbols,
// code actions, dry-run of the manifests and of a kustomization, cluster actions, the cluster
// profile — with `kustomize` and `kubectl` on the PATH, under a preload that records every
// process start and every file-system write. Untrusted: no process, no write at all (not even in
// the extension's storage). Trusted, the same session writes, and only inside the storage folder
// — the control that shows the recorder sees writes.
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../helpers/lspClient';
import { ClusterActionRequest, ClusterViewRequest, DryRunRequest, LoadProfileRequest } from '../../server/src/protocol/clusterProtocol';
import { defaultProfileText } from '../../server/src/handlers/cluster/defaultProfile';

const TUTORIAL = readFileSync('test/fixtures/cluster/tutorial.yaml', 'utf8');
const KUSTOMIZATION = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - tutorial.yaml\nnamePrefix: dev-\n';

/** A workspace with manifests, a kustomization and a cluster profile; fake kustomize/kubectl that leave a mark when run. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'kubemate-trust-'));
  const ws = join(root, 'ws');
  mkdirSync(join(ws, '.kubemate'), { recursive: true });
  writeFileSync(join(ws, 'tutorial.yaml'), TUTORIAL);
  writeFileSync(join(ws, 'kustomization.yaml'), KUSTOMIZATION);
  writeFileSync(join(ws, '.kubemate', 'cluster.yaml'), defaultProfileText());
  const bin = join(root, 'bin');
  mkdirSync(bin);
  for (const tool of ['kustomize', 'kubectl']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho ran > "${join(root, `${tool}-ran`)}"\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  const storage = join(root, 'storage');
  return { root, ws, bin, storage, log: join(root, 'effects.log') };
}

async function session(trusted: boolean) {
  const e = setup();
  writeFileSync(e.log, '');
  const s = await startServer(
    'en',
    {
      storagePath: e.storage,
      trusted,
      clusterProfile: trusted ? { uri: pathToFileURL(join(e.ws, '.kubemate', 'cluster.yaml')).toString(), text: defaultProfileText() } : null,
    },
    undefined,
    { workspaceFolders: [{ uri: pathToFileURL(e.ws).toString(), name: 'ws' }] },
    {
      env: { ...process.env, PATH: `${e.bin}${delimiter}${process.env.PATH ?? ''}`, KUBEMATE_EFFECTS_LOG: e.log },
      execArgv: ['--require', resolve('test/helpers/recordEffects.cjs')],
    },
  );
  const c = s.connection;
  for (const [file, text] of [
    ['tutorial.yaml', TUTORIAL],
    ['kustomization.yaml', KUSTOMIZATION],
  ]) {
    const uri = pathToFileURL(join(e.ws, file)).toString();
    const diags = s.nextDiagnostics(uri, 1);
    void c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await diags;
    await c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    await c.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 2 } });
    await c.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    await c.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    await c.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
      context: { diagnostics: [] },
    });
    await c.sendRequest(DryRunRequest.method, { sources: [{ uri, label: file, text }], command: `kubectl apply -f ${file}` });
  }
  const target = { kind: 'Deployment', namespace: 'default', name: 'k8s-combat' };
  await c.sendRequest(ClusterActionRequest.method, { action: 'scale', target, replicas: 3 });
  await c.sendRequest(LoadProfileRequest.method, { uri: pathToFileURL(join(e.ws, '.kubemate', 'cluster.yaml')).toString(), text: defaultProfileText() });
  await c.sendRequest(ClusterActionRequest.method, { action: 'reset' });
  await c.sendRequest(ClusterViewRequest.method, {});
  await s.stop();
  const effects = readFileSync(e.log, 'utf8').split('\n').filter(Boolean);
  return {
    ...e,
    spawns: effects.filter((l) => l.startsWith('spawn ')),
    writes: effects.filter((l) => l.startsWith('write ')).map((l) => l.slice('write '.length)),
  };
}

describe('untrusted workspace: what runs and what does not', function () {
  this.timeout(60_000);

  it('untrusted: no external process (kustomize/kubectl on the PATH stay unused), no file written anywhere', async () => {
    const r = await session(false);
    assert.deepEqual(r.spawns, []);
    assert.deepEqual(r.writes, []);
    assert.equal(existsSync(r.storage), false);
    for (const tool of ['kustomize', 'kubectl']) assert.equal(existsSync(join(r.root, `${tool}-ran`)), false, `${tool} ran`);
    assert.equal(readFileSync(join(r.ws, 'tutorial.yaml'), 'utf8'), TUTORIAL);
  });

  it('control, trusted: the recorder sees the state being saved — and every write is inside the storage folder', async () => {
    const r = await session(true);
    assert.deepEqual(r.spawns, []);
    assert.ok(r.writes.length > 0, 'the recorder saw no write at all');
    assert.deepEqual(
      r.writes.filter((p) => !resolve(p).startsWith(r.storage)),
      [],
    );
  });
});
