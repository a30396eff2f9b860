// `node scripts/corpusCrossRefs.mjs [--list]`: cross-resource diagnostics on the shared corpus
// (../shared/corpus/manifests, when present — never a test dependency). Each upstream project is
// its own workspace; kubernetes/examples holds independent examples, so there each FILE is its
// own workspace. Prints counts per rule and project; --list prints every finding.
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { createRequire } from 'node:module';

const corpus = resolve('..', 'shared', 'corpus', 'manifests');
if (!existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}; nothing to do`);
  process.exit(0);
}

const entry = `
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WorkspaceIndex } from './server/src/workspace/workspaceIndex';
import { crossRefDiagnostics } from './server/src/features/crossRefs/crossRefDiagnostics';
import { CROSS_REF_CODES } from './server/src/features/crossRefs/crossRefCodes';
import { scanFolder, readManifestFile, pathToUri } from './server/src/handlers/workspaceScan';
import { makeSchedulingProbe } from './server/src/handlers/schedulingProbe';

export function run(corpus: string, list: boolean) {
  const probe = makeSchedulingProbe();
  const workspaces: { project: string; files: string[] }[] = [];
  for (const project of readdirSync(corpus).sort()) {
    const dir = join(corpus, project);
    if (!statSync(dir).isDirectory()) continue;
    const files = scanFolder(dir, 100000).files;
    if (project === 'kubernetes-examples') for (const f of files) workspaces.push({ project, files: [f] });
    else workspaces.push({ project, files });
  }
  const counts: Record<string, Record<string, Record<string, number>>> = {};
  const findings: string[] = [];
  for (const ws of workspaces) {
    const index = new WorkspaceIndex();
    for (const f of ws.files) {
      const text = readManifestFile(f);
      if (text !== undefined) index.setDiskFile(pathToUri(f), text);
    }
    for (const f of ws.files) {
      for (const d of crossRefDiagnostics(index, pathToUri(f), { scheduling: probe })) {
        const row = (counts[d.code] ??= {});
        const cell = (row[ws.project] ??= { warning: 0, information: 0, hint: 0, error: 0 });
        cell[d.severity]++;
        findings.push(\`\${d.severity.padEnd(11)} \${d.code.padEnd(28)} \${relative(corpus, f)}:\${d.range.start.line + 1}:\${d.range.start.character + 1}  \${d.message}\`);
      }
    }
  }
  const projects = [...new Set(workspaces.map((w) => w.project))];
  const header = ['rule', ...projects];
  // Cells: errors+warnings / information / hints.
  const cell = (c: Record<string, number> | undefined) => (c ? \`\${c.error + c.warning}/\${c.information}/\${c.hint}\` : '0/0/0');
  const rows = Object.keys(CROSS_REF_CODES).map((code) => [code, ...projects.map((p) => cell(counts[code]?.[p]))]);
  const total = (sev: string) => Object.values(counts).reduce((n, row) => n + Object.values(row).reduce((m, c) => m + c[sev], 0), 0);
  console.log(\`warnings / information / hints per rule and project (\${workspaces.length} workspaces)\`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(\`total: \${total('error') + total('warning')} warnings, \${total('information')} information, \${total('hint')} hints\`);
  if (list) for (const f of findings) console.log(f);
}
`;

mkdirSync('out/scripts', { recursive: true });
const outfile = join('out', 'scripts', 'corpusCrossRefs.js');
await build({
  stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'corpusCrossRefs.ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
const require = createRequire(import.meta.url);
require(resolve(outfile)).run(corpus, process.argv.includes('--list'));
