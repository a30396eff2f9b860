// The one-way imports of ARCHITECTURE.md, enforced by reading the import lines.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The server/src area of an import target: "features", "cluster", … or a package name. */
function area(path: string): string {
  const rel = relative('server/src', path);
  return rel.startsWith('..') ? 'outside' : rel.split('/')[0].replace(/\.ts$/, '');
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
}

/** Relative imports that exist at run time (`import type` and type-only re-exports are erased). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)(\s+type\b)?[^'"]*from\s+'([^']+)'/gm)].filter((m) => !m[2] && m[3].startsWith('.')).map((m) => m[3]);
}

function resolveModule(dir: string, spec: string): string | undefined {
  const base = resolve(dir, spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(process.cwd(), candidate);
    } catch {
      // not this one
    }
  }
  return undefined;
}

// area → areas (and packages) it may import
const ALLOWED: Record<string, string[]> = {
  util: ['util', '@vscode/l10n', 'node:', 'l10n-bundle'],
  k8s: ['k8s', 'util'],
  yaml: ['yaml', 'util', 'yaml-pkg'],
  schema: ['schema', 'k8s', 'util', 'node:'],
  // Findings are pure data types every check produces.
  findings: ['findings'],
  features: ['features', 'findings', 'workspace', 'yaml', 'schema', 'k8s', 'util', 'yaml-pkg'],
  // The one diagnostics pipeline composes the features (and the scheduler, for the probe); the
  // language server and the CLI call it, it calls neither.
  pipeline: ['pipeline', 'features', 'findings', 'workspace', 'yaml', 'schema', 'k8s', 'cluster', 'util'],
  // The workspace index is pure like yaml/: it takes texts, never reads the disk or speaks LSP.
  workspace: ['workspace', 'yaml', 'k8s', 'util', 'yaml-pkg'],
  cluster: ['cluster', 'protocol', 'util', 'k8s', 'yaml-pkg'],
  protocol: ['protocol'],
  // kustomize rendering is pure like workspace/: it reads only through the KustomizeFs it is given.
  kustomize: ['kustomize', 'util', 'yaml-pkg', 'node:path', 'node:crypto'],
  // The kubectl layer: the one manifest reader (on yaml/), printers, verbs and the state session,
  // shared by the CLI and the editor. It reads manifest files (and .kubemate.yaml, parsed by the
  // pure workspace/projectConfig), so node: is allowed; never LSP.
  kubectl: ['kubectl', 'cluster', 'protocol', 'yaml', 'k8s', 'util', 'yaml-pkg', 'node:', 'workspace'],
  // Argument parsing and exit codes over the kubectl layer and the language features.
  cli: [
    'cli',
    'kubectl',
    'pipeline',
    'findings',
    'kustomize',
    'features',
    'schema',
    'yaml',
    'yaml-pkg',
    'workspace',
    'cluster',
    'protocol',
    'k8s',
    'util',
    'node:',
    'sarif',
  ],
  // LSP wiring, localised notifications and tree reveal — never the CLI.
  handlers: [
    'handlers',
    'kubectl',
    'pipeline',
    'findings',
    'features',
    'workspace',
    'yaml',
    'yaml-pkg',
    'schema',
    'cluster',
    'protocol',
    'k8s',
    'util',
    'node:',
    'vscode-languageserver',
    'vscode-languageserver/node',
    'vscode-languageserver-textdocument',
  ],
};

describe('architecture: one-way imports', () => {
  for (const [from, allowed] of Object.entries(ALLOWED)) {
    it(`server/src/${from} imports only ${allowed.join(', ')}`, () => {
      const bad: string[] = [];
      let root = join('server/src', from);
      try {
        statSync(root);
      } catch {
        return;
      }
      for (const file of files(root)) {
        for (const spec of imports(file)) {
          let target: string;
          if (spec.startsWith('.') && spec.includes('/l10n/bundle.l10n')) target = 'l10n-bundle';
          else if (spec.startsWith('.')) target = area(resolve(dirname(file), spec));
          else if (spec === 'yaml') target = 'yaml-pkg';
          else if (spec.startsWith('node:')) target = allowed.includes(spec) ? spec : 'node:';
          else target = spec;
          // Persistence is the one place under cluster/ that touches the file system.
          const persistence = file.includes('cluster/persistence/') && target === 'node:';
          if (!allowed.includes(target) && !persistence) bad.push(`${file} → ${spec}`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }
  it('features never import each other', () => {
    const bad: string[] = [];
    for (const file of files('server/src/features')) {
      const own = relative('server/src/features', file).split('/')[0];
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const rel = relative('server/src/features', resolve(dirname(file), spec));
        const other = rel.split('/')[0];
        if (!rel.startsWith('..') && other !== own && !(own === 'completion' && other === 'hover') && !(own === 'hover' && other === 'diagnostics'))
          bad.push(`${file} → ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });
  it('cluster controllers never import each other or the scheduler, and the scheduler never imports a controller', () => {
    // Each controller syncs its own kind over the store; the simulator composes them in order.
    const bad: string[] = [];
    const unit = (path: string) => {
      const rel = relative('server/src/cluster', path).split('/');
      return rel[0] === 'controllers' || rel[0] === 'scheduler' ? `${rel[0]}/${rel[0] === 'controllers' ? rel[1].replace(/\.ts$/, '') : ''}` : undefined;
    };
    for (const file of [...files('server/src/cluster/controllers'), ...files('server/src/cluster/scheduler')]) {
      const own = unit(file)!;
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const other = unit(resolve(dirname(file), spec));
        if (other && other !== own) bad.push(`${file} → ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });
  it('handlers never import the CLI', () => {
    const bad = files('server/src/handlers').flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.') && area(resolve(dirname(f), s)) === 'cli')
        .map((s) => `${f} → ${s}`),
    );
    assert.deepEqual(bad, []);
  });
  it('server/src has no runtime import cycles', () => {
    const all = files('server/src');
    const graph = new Map<string, string[]>();
    for (const f of all)
      graph.set(
        f,
        runtimeImports(f)
          .map((s) => resolveModule(dirname(f), s))
          .filter((t): t is string => !!t),
      );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const next of graph.get(f) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((x) => relative('server/src', x)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of all) if (!state.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });
  it('the client imports only server/src/protocol from the server', () => {
    const bad = files('client/src').flatMap((f) =>
      imports(f)
        .filter((s) => s.includes('server/src/') && !s.includes('server/src/protocol'))
        .map((s) => `${f} → ${s}`),
    );
    assert.deepEqual(bad, []);
  });
});
