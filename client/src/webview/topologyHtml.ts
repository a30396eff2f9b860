// The topology webview's page: an SVG drawn from topologyModel, a strict Content-Security-Policy
// (nothing remote, no inline handlers; one nonce for the style and the script) and colours from
// VS Code's theme variables, so light, dark and high-contrast themes all work.
// Pure (no `vscode` import): tested in test/unit/client.
import type { Box, Topology } from './topologyModel';
import type { Translate } from '../clusterView/statusLook';
import type { RequestMarks } from './requestPicture';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function clip(s: string, max: number): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

const KIND_MARK: Record<string, string> = { Ingress: 'ING', HTTPRoute: 'HTTP', Service: 'SVC', Pod: 'POD', ConfigMap: 'CM', Secret: 'SEC' };

function boxSvg(b: Box, marks?: RequestMarks): string {
  const on = marks?.path.has(b.id) ? ' onPath' : '';
  const end = marks?.answered === b.id ? ' answered' : marks?.stopped === b.id ? ' stopped' : '';
  const count = marks?.counts.get(b.id);
  return (
    `<g class="box ${b.status}${on}${end}" data-id="${escapeXml(b.id)}" tabindex="0" role="button" aria-label="${escapeXml(`${b.kind} ${b.label}: ${b.sub}`)}">` +
    `<title>${escapeXml(`${b.kind} ${b.ref.namespace ? b.ref.namespace + '/' : ''}${b.label}\n${b.sub}`)}</title>` +
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6"/>` +
    `<rect class="bar" x="${b.x}" y="${b.y}" width="5" height="${b.h}" rx="2"/>` +
    `<text class="mark" x="${b.x + b.w - 8}" y="${b.y + 15}" text-anchor="end">${KIND_MARK[b.kind] ?? escapeXml(b.kind)}</text>` +
    `<text class="label" x="${b.x + 12}" y="${b.y + 18}">${escapeXml(clip(b.label, 24))}</text>` +
    `<text class="sub" x="${b.x + 12}" y="${b.y + 35}">${escapeXml(clip(b.sub, 30))}</text>` +
    (count ? `<text class="count" x="${b.x + b.w - 8}" y="${b.y + 35}" text-anchor="end">×${count}</text>` : '') +
    `</g>`
  );
}

/** The drawing; with marks (a request's trace, see requestPicture) its path, answer, stop and counts stand out. */
export function topologySvg(topo: Topology, t: Translate, marks?: RequestMarks): string {
  if (!topo.boxes.length)
    return `<p class="empty">${escapeXml(t('Nothing to draw yet: dry-run apply a manifest (Ingress, Service, Deployment…) and its pods appear here.'))}</p>`;
  const byId = new Map(topo.boxes.map((b) => [b.id, b]));
  const edges = topo.edges
    .map((e) => {
      const a = byId.get(e.from);
      const b = byId.get(e.to);
      if (!a || !b) return '';
      const x1 = a.x + a.w;
      const y1 = a.y + a.h / 2;
      const x2 = b.x;
      const y2 = b.y + b.h / 2;
      const mid = (x1 + x2) / 2;
      const on = marks?.path.has(e.from) && marks.path.has(e.to) ? ' onPath' : '';
      return `<path class="edge ${e.kind}${on}" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" marker-end="url(#arrow)"/>`;
    })
    .join('');
  const groups = topo.groups
    .map(
      (g) =>
        `<g class="group"><rect x="${g.x}" y="${g.y}" width="${g.w}" height="${g.h}" rx="8"/><text x="${g.x + 10}" y="${g.y + 15}">${escapeXml(clip(g.label, 30))}</text></g>`,
    )
    .join('');
  const routing = topo.boxes.some((b) => b.kind === 'HTTPRoute') ? t('Ingress / HTTPRoute') : t('Ingress');
  const heads = [routing, t('Service'), t('Pods'), t('ConfigMap / Secret')]
    .map((h, i) => `<text class="head" x="${[20, 260, 500, 780][i]}" y="20">${escapeXml(h)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${topo.width}" height="${topo.height}" viewBox="0 0 ${topo.width} ${topo.height}" role="img">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path class="arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
    heads +
    groups +
    edges +
    topo.boxes.map((b) => boxSvg(b, marks)).join('') +
    `</svg>`
  );
}

export interface PageText {
  title: string;
  scopeFile: string;
  scopeCluster: string;
  groupOwner: string;
  groupNode: string;
  hint: string;
  legend: string;
}

/** The whole page. The script only forwards clicks and swaps in new SVG sent by the extension. */
export function topologyPage(nonce: string, body: string, text: PageText): string {
  // Nothing may load from anywhere; only the nonce'd style and script run.
  // base-uri and form-action do not fall back to default-src: closed too.
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none';`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(text.title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 8px 12px; }
.toolbar { display: flex; gap: 6px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
button { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: 1px solid var(--vscode-contrastBorder, transparent); padding: 3px 10px; cursor: pointer; }
button[aria-pressed="true"] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.hint, .legend { color: var(--vscode-descriptionForeground); }
svg text { fill: var(--vscode-foreground); font-size: 12px; }
svg text.sub, svg text.mark, svg .group text { fill: var(--vscode-descriptionForeground); font-size: 11px; }
svg text.head { font-weight: bold; }
.box { cursor: pointer; }
.box rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-panel-border)); stroke-width: 1; }
.box:hover rect, .box:focus rect { stroke: var(--vscode-focusBorder); stroke-width: 2; outline: none; }
.box:focus { outline: none; }
.box rect.bar { stroke: none; }
.ok rect.bar { fill: var(--vscode-charts-green); }
.warn rect.bar { fill: var(--vscode-charts-yellow); }
.error rect.bar { fill: var(--vscode-charts-red); }
.error rect { stroke: var(--vscode-charts-red); }
.idle rect.bar { fill: var(--vscode-disabledForeground); }
.group rect { fill: none; stroke: var(--vscode-panel-border); stroke-dasharray: 4 3; }
.edge { fill: none; stroke: var(--vscode-editorLineNumber-foreground); stroke-width: 1.5; }
.edge.notReady { stroke: var(--vscode-charts-yellow); stroke-dasharray: 5 4; }
.edge.reads { stroke-dasharray: 2 3; }
.arrowhead { fill: var(--vscode-editorLineNumber-foreground); }
.empty { color: var(--vscode-descriptionForeground); }
.onPath rect { stroke: var(--vscode-focusBorder); stroke-width: 2; }
.answered rect { stroke: var(--vscode-charts-green); stroke-width: 3; }
.stopped rect { stroke: var(--vscode-charts-red); stroke-width: 3; }
svg text.count { fill: var(--vscode-charts-blue); font-weight: bold; }
.edge.onPath { stroke: var(--vscode-focusBorder); stroke-width: 3; }
.request { border: 1px solid var(--vscode-panel-border); padding: 4px 10px; margin-bottom: 8px; }
.request h3 { margin: 4px 0; font-size: 1em; }
.hops { margin: 4px 0; padding-left: 22px; }
.hop-kind { font-weight: bold; }
.hop-rule { color: var(--vscode-descriptionForeground); }
.hop.stop .hop-result, .outcome.stopped { color: var(--vscode-errorForeground); }
.outcome.answered { color: var(--vscode-charts-green); }
</style></head>
<body>
<div class="toolbar">
<button id="scope-file" data-scope="file">${escapeXml(text.scopeFile)}</button>
<button id="scope-cluster" data-scope="cluster">${escapeXml(text.scopeCluster)}</button>
<span>|</span>
<button id="group-owner" data-group="owner">${escapeXml(text.groupOwner)}</button>
<button id="group-node" data-group="node">${escapeXml(text.groupNode)}</button>
<span class="hint">${escapeXml(text.hint)}</span>
</div>
<div id="picture">${body}</div>
<p class="legend">${escapeXml(text.legend)}</p>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const picture = document.getElementById('picture');
function boxOf(e) { return e.target instanceof Element ? e.target.closest('[data-id]') : null; }
picture.addEventListener('click', (e) => { const b = boxOf(e); if (b) vscode.postMessage({ type: 'reveal', id: b.getAttribute('data-id') }); });
picture.addEventListener('dblclick', (e) => { const b = boxOf(e); if (b) vscode.postMessage({ type: 'source', id: b.getAttribute('data-id') }); });
picture.addEventListener('keydown', (e) => { const b = boxOf(e); if (b && (e.key === 'Enter' || e.key === ' ')) vscode.postMessage({ type: e.shiftKey ? 'source' : 'reveal', id: b.getAttribute('data-id') }); });
for (const btn of document.querySelectorAll('button')) btn.addEventListener('click', () => vscode.postMessage({ type: 'options', scope: btn.dataset.scope, group: btn.dataset.group }));
window.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type !== 'render') return;
  picture.innerHTML = m.body;
  for (const btn of document.querySelectorAll('button')) btn.setAttribute('aria-pressed', String(btn.dataset.scope === m.scope || btn.dataset.group === m.group));
  document.getElementById('scope-file').disabled = !m.hasFile;
});
vscode.postMessage({ type: 'ready' });
</script>
</body></html>`;
}
