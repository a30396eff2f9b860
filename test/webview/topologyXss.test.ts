// The topology webview under attack (issue 12 §5): the page KubeMate generates (topologyPage +
// topologySvg, pure functions) for a cluster whose every name carries a script payload is loaded
// in headless Chromium with a stub of VS Code's webview API. No payload may run: the dialog
// handler never fires, the sentinel global stays untouched, nothing is requested — while the
// page's own nonce'd script does run (it posts `ready`) and each payload shows as plain text.
// A control case proves the harness catches a payload that runs. `npm run test:webview`.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { buildTopology } from '../../client/src/webview/topologyModel';
import { topologyPage, topologySvg } from '../../client/src/webview/topologyHtml';
import { requestPicture } from '../../client/src/webview/requestPicture';
import type { RequestTrace } from '../../server/src/protocol/requestTrace';
import type { ClusterView } from '../../server/src/protocol/clusterView';
import { clusterWith, fmt } from '../helpers/clusterView';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const PAGE_URL = 'http://webview.kubemate.invalid/';
const TUTORIAL = readFileSync('test/fixtures/cluster/tutorial.yaml', 'utf8');
// A reference to a ConfigMap that does not exist is drawn with the name the manifest wrote, unvalidated.
const MISSING =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lonely\nspec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      envFrom:\n        - configMapRef:\n            name: "PAYLOAD"\n';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</title></style></script><script>alert(1)</script>',
  '<img src=x onerror="window.__sentinel=\'pwned\'">',
  '&lt;img src=x onerror=alert(1)&gt;',
];

/** Every name, node and image of the view prefixed with the payload, consistently (links stay). */
function hostile(view: ClusterView, payload: string): ClusterView {
  const names = new Set<string>();
  const collect = (v: unknown, key = ''): void => {
    if (typeof v === 'string' && /^(name|node|image|owner|namespace)$/.test(key) && v.length > 2) names.add(v);
    else if (Array.isArray(v)) v.forEach((x) => collect(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
  };
  collect(view);
  const re = new RegExp(
    [...names]
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return JSON.parse(JSON.stringify(view), (_, v) => (typeof v === 'string' ? v.replace(re, (m) => payload + m) : v)) as ClusterView;
}

const TEXT = (p: string) => ({ title: p, scopeFile: p, scopeCluster: 'c', groupOwner: 'o', groupNode: 'n', hint: p, legend: p });

interface Outcome {
  dialogs: number;
  sentinel: string;
  posted: string[];
  requests: number;
  pictureText: string;
}

async function load(browser: Browser, html: string, renderBody?: string): Promise<Outcome> {
  const page: Page = await browser.newPage();
  let dialogs = 0;
  let requests = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  // The page itself is served from a made-up origin (init scripts run on a navigation); any other request is counted and refused.
  await page.route('**/*', (route) => {
    if (route.request().url() === PAGE_URL) return void route.fulfill({ contentType: 'text/html', body: html });
    requests++;
    void route.abort();
  });
  await page.addInitScript(() => {
    // Runs in the page (the test is type-checked without the DOM library).
    const w = globalThis as unknown as { __sentinel: string; __posted: string[]; acquireVsCodeApi: () => unknown };
    w.__sentinel = 'untouched';
    w.__posted = [];
    w.acquireVsCodeApi = () => ({ postMessage: (m: { type: string }) => w.__posted.push(m.type) });
  });
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  // The second way text reaches the page: the extension posts a new picture (innerHTML).
  if (renderBody !== undefined)
    await page.evaluate(
      (body) =>
        (globalThis as unknown as { postMessage: (m: unknown, o: string) => void }).postMessage(
          { type: 'render', body, scope: 'cluster', group: 'owner', hasFile: false },
          '*',
        ),
      renderBody,
    );
  await page.waitForTimeout(150);
  const outcome = await page.evaluate(() => {
    type El = { textContent: string | null };
    const w = globalThis as unknown as { __sentinel: string; __posted: string[]; document: { getElementById: (id: string) => El | null; body: El } };
    return { sentinel: w.__sentinel, posted: w.__posted, pictureText: w.document.getElementById('picture')?.textContent ?? w.document.body.textContent ?? '' };
  });
  await page.close();
  return { dialogs, requests, ...outcome };
}

describe('topology webview: manifest text never runs as script (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => browser?.close());

  for (const payload of PAYLOADS) {
    it(`names like ${payload}: no dialog, sentinel untouched, no request; the text is shown as typed`, async () => {
      const view = hostile(clusterWith(TUTORIAL, MISSING.replace('PAYLOAD', payload.replace(/"/g, '\\"'))).view(), payload);
      const topo = buildTopology(view, { groupBy: 'owner', t: fmt });
      assert.ok(
        topo.boxes.length >= 8 && topo.boxes.every((b) => b.label.startsWith(payload) || b.label.includes(payload.slice(0, 10))),
        'every box carries the payload',
      );
      const body = topologySvg(topo, fmt);
      const r = await load(browser, topologyPage('bm9uY2UxMjM0NTY3ODkw', body, TEXT(payload)), body);
      assert.deepEqual({ dialogs: r.dialogs, sentinel: r.sentinel, requests: r.requests }, { dialogs: 0, sentinel: 'untouched', requests: 0 });
      assert.deepEqual(r.posted, ['ready'], "the page's own nonce'd script ran");
      assert.ok(r.pictureText.includes(payload.slice(0, 23)), 'the payload is shown as text');
    });
  }

  for (const payload of PAYLOADS) {
    it(`a request trace whose names and messages are ${payload}: nothing runs, the hops are shown as text`, async () => {
      const view = hostile(clusterWith(TUTORIAL).view(), payload);
      const topo = buildTopology(view, { groupBy: 'owner', t: fmt });
      const pod = topo.boxes.find((b) => b.kind === 'Pod')!;
      const svc = topo.boxes.find((b) => b.kind === 'Service')!;
      const trace: RequestTrace = {
        target: `http://${payload}:80/${payload}`,
        hops: [
          { kind: 'Client', name: payload, rule: payload, result: payload },
          { kind: 'Service', name: `${svc.ref.namespace}/${svc.ref.name}`, rule: payload, result: payload },
          { kind: 'Pod', name: `${pod.ref.namespace}/${pod.ref.name}`, rule: payload, result: payload },
        ],
        answeredBy: null,
        error: { code: payload, message: payload },
        distribution: { requests: 3, answered: { [`${pod.ref.namespace}/${pod.ref.name}`]: 2 }, failed: 1 },
      };
      const body = requestPicture(topo, trace, fmt);
      assert.ok(body.includes('onPath stopped') && body.includes('class="count"'), 'the path, the stop and the count are drawn');
      const r = await load(browser, topologyPage('bm9uY2UxMjM0NTY3ODkw', body, TEXT(payload)), body);
      assert.deepEqual({ dialogs: r.dialogs, sentinel: r.sentinel, requests: r.requests }, { dialogs: 0, sentinel: 'untouched', requests: 0 });
      assert.deepEqual(r.posted, ['ready']);
      assert.ok(r.pictureText.includes(`Stopped (${payload}): ${payload}`), 'the stop reason is shown as typed');
    });
  }

  it('the CSP alone also stops an unescaped inline handler (defence in depth)', async () => {
    const raw = '<img src=x onerror="window.__sentinel=\'pwned\'"><svg onload="alert(1)"></svg><script>alert(1)</script>';
    const r = await load(browser, topologyPage('bm9uY2UxMjM0NTY3ODkw', raw, TEXT('t')));
    assert.deepEqual({ dialogs: r.dialogs, sentinel: r.sentinel }, { dialogs: 0, sentinel: 'untouched' });
  });

  it('control: the same payload without escaping and without the CSP does run (the harness sees it)', async () => {
    const r = await load(browser, '<!DOCTYPE html><html><body><img src="data:," onerror="window.__sentinel=\'pwned\'"><script>alert(1)</script></body></html>');
    assert.deepEqual({ dialogs: r.dialogs, sentinel: r.sentinel }, { dialogs: 1, sentinel: 'pwned' });
  });
});
