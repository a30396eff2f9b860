// Reads the custom resources people meet most from the `@kubernetes-models/*` packages that ship
// them (Gateway API, cert-manager, Prometheus Operator, Argo CD…): their .d.ts files carry each
// kind as TypeScript interfaces — named types (packages generated from Go types) or nested type
// literals (packages generated from CRDs) — with the upstream descriptions as JSDoc. The output
// is the same model as the built-in kinds (kinds, types, docs), type keys prefixed `cr.`:
//   cert-manager.io/v1/CertificateSpec.d.ts            → cr.cert-manager_io.v1.CertificateSpec
//   networking.istio.io/v1/VirtualService.d.ts (spec)  → cr.networking_istio_io.v1.VirtualServiceSpec
// References to Kubernetes types (ObjectMeta, Container, LabelSelector…) point at the built-in
// types of dist/schema.json. Enum aliases become enums; aliases the model cannot say become `any`
// (a field is then accepted as written, never wrongly refused). Numbers stay `number`: the
// packages' validators are not probed for integers.
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { join, relative, dirname, sep } from 'node:path';
import { createRequire } from 'node:module';
import { docOf, listDts, SPECIAL as BUILT_IN_SPECIAL } from './fromKubernetesModels.mjs';
import { typeOfNode } from './typeOfNode.mjs';

const require = createRequire(join(process.cwd(), 'package.json'));

/** apimachinery aliases that are scalars with a meaning of their own: fromKubernetesModels' and those CRD packages add. */
const SPECIAL = {
  ...BUILT_IN_SPECIAL,
  IIoK8sApimachineryPkgApisMetaV1Duration: { kind: 'string' },
  IIoK8sApimachineryPkgApisApiextensionsV1JSON: { kind: 'any' },
  IObjectMeta: { kind: 'ref', ref: 'meta.v1.ObjectMeta' },
};

/** "cert-manager.io/v1/CertificateSpec.d.ts" → "cr.cert-manager_io.v1.CertificateSpec". */
function keyOf(root, file, name) {
  const parts = relative(root, file)
    .replace(/\.d\.ts$/, '')
    .split(sep);
  parts.pop();
  const version = parts.pop() ?? 'v1';
  return ['cr', parts.join('_').replace(/\./g, '_') || 'root', version, name].join('.');
}

/** The built-in type key of a Kubernetes alias: IIoK8sApiCoreV1Container → core.v1.Container. */
function builtInKey(name, builtIn) {
  let m = /^IIoK8sApimachineryPkgApisMetaV1(\w+)$/.exec(name);
  if (m && builtIn[`meta.v1.${m[1]}`]) return `meta.v1.${m[1]}`;
  m = /^IIoK8sApi([A-Z][a-z]+)(V\d+(?:alpha\d+|beta\d+)?)(\w+)$/.exec(name);
  if (m) {
    const key = `${m[1].toLowerCase()}.${m[2].replace(/^V/, 'v')}.${m[3]}`;
    if (builtIn[key]) return key;
  }
  return undefined;
}

const pascal = (s) =>
  s
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('') || 'Field';

/** → { source, kinds, types, docs } for the packages named (each must be installed). */
export function fromCrdPackages(packageNames, builtInTypes) {
  const sources = [];
  const decls = new Map(); // exported or local alias name → { key, node, file }
  const files = [];
  for (const pkg of packageNames) {
    const root = dirname(require.resolve(`${pkg}/package.json`));
    sources.push(`${pkg}@${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}`);
    for (const file of listDts(root)) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const local = new Map();
      for (const st of sf.statements) {
        if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && st.name.text.startsWith('I')) {
          local.set(st.name.text, { key: keyOf(root, file, st.name.text.slice(1)), node: st, local });
        }
      }
      for (const st of sf.statements) {
        if (!ts.isExportDeclaration(st) || !st.exportClause || !ts.isNamedExports(st.exportClause)) continue;
        for (const el of st.exportClause.elements) {
          const d = local.get((el.propertyName ?? el.name).text);
          if (d) decls.set(el.name.text, d);
        }
      }
      files.push({ sf, local });
    }
  }

  const types = {};
  const docs = {};
  const kinds = [];
  const resolving = new Set();

  function refTo(name, local) {
    if (SPECIAL[name]) return { ...SPECIAL[name] };
    const b = builtInKey(name, builtInTypes);
    if (b) return { kind: 'ref', ref: b };
    const d = local.get(name) ?? decls.get(name);
    if (!d) return { kind: 'any' };
    if (ts.isInterfaceDeclaration(d.node)) {
      if (!types[d.key]) objectOf(d.key, d.node.members, d.node, local);
      return { kind: 'ref', ref: d.key };
    }
    if (resolving.has(d.key)) return { kind: 'any' };
    resolving.add(d.key);
    const t = typeOf(d.node.type, d.key, local);
    resolving.delete(d.key);
    return t;
  }

  function typeOf(node, key, local) {
    return typeOfNode(node, {
      ref: (name) => refTo(name, local),
      // An inline object with properties becomes a type of its own, named after the field.
      object(literal) {
        if (!literal.members.some(ts.isPropertySignature)) return { kind: 'any' };
        objectOf(key, literal.members, undefined, local);
        return { kind: 'ref', ref: key };
      },
      inner: (n, role) => typeOf(n, key + role, local),
    });
  }

  /** An interface's own members and those of the interfaces it extends (HTTPRouteSpec extends CommonRouteSpec). */
  function membersOf(decl, local, seen = new Set()) {
    const out = [];
    for (const h of decl.heritageClauses ?? []) {
      for (const t of h.types) {
        const name = t.expression.getText();
        const base = local.get(name) ?? decls.get(name);
        if (!base || !ts.isInterfaceDeclaration(base.node) || seen.has(base.key)) continue;
        seen.add(base.key);
        out.push(...membersOf(base.node, base.local, seen));
      }
    }
    // Own members last: they win over an inherited member of the same name.
    return [...out, ...decl.members.map((m) => [m, local])];
  }

  function objectOf(key, members, decl, local) {
    if (decl && ts.isInterfaceDeclaration(decl)) members = membersOf(decl, local);
    else members = members.map((m) => [m, local]);
    const fields = {};
    types[key] = { fields };
    const d = decl ? docOf(decl) : undefined;
    if (d) (docs[key] ??= {})[''] = d;
    let apiVersion;
    let kind;
    for (const [m, own] of members) {
      if (!ts.isPropertySignature(m) || !m.name) continue;
      const name = ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
      const ty = typeOf(m.type, key + pascal(name), own);
      if (name === 'apiVersion' && ty.enum?.length === 1) apiVersion = ty.enum[0];
      if (name === 'kind' && ty.enum?.length === 1) kind = ty.enum[0];
      if (!m.questionToken) ty.required = true;
      fields[name] = ty;
      const fd = docOf(m);
      if (fd) (docs[key] ??= {})[name] = fd;
      // The description of an inline object is its field's.
      if (fd && ty.kind === 'ref' && ty.ref === key + pascal(name) && !docs[ty.ref]?.['']) (docs[ty.ref] ??= {})[''] = fd;
    }
    if (apiVersion && kind && apiVersion.includes('/')) {
      const slash = apiVersion.indexOf('/');
      kinds.push({ group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind, type: key });
    }
  }

  // Every kind (an interface with a fixed apiVersion and kind), and what it reaches.
  for (const { local } of files) {
    for (const d of local.values()) {
      if (!ts.isInterfaceDeclaration(d.node) || types[d.key]) continue;
      const names = new Set(d.node.members.filter(ts.isPropertySignature).map((m) => (ts.isStringLiteral(m.name) ? m.name.text : m.name.getText())));
      if (names.has('apiVersion') && names.has('kind') && !d.node.name.text.endsWith('List')) objectOf(d.key, d.node.members, d.node, local);
    }
  }
  // Only what the kinds reach is kept (the List kinds and unused helper types are left out).
  const reached = new Set();
  const visit = (ft) => {
    if (!ft) return;
    if (ft.kind === 'ref' && ft.ref.startsWith('cr.') && !reached.has(ft.ref)) {
      reached.add(ft.ref);
      for (const f of Object.values(types[ft.ref]?.fields ?? {})) visit(f);
    }
    visit(ft.items);
    visit(ft.values);
  };
  // A kind whose package knows nothing besides apiVersion, kind and metadata (IstioOperator: its
  // CRD keeps unknown fields) has no schema: it stays a custom resource whose fields are not checked.
  const described = (k) => Object.keys(types[k.type].fields).some((f) => f !== 'apiVersion' && f !== 'kind' && f !== 'metadata');
  const realKinds = kinds.filter((k) => !k.kind.endsWith('List') && described(k));
  for (const k of realKinds) visit({ kind: 'ref', ref: k.type });
  const keptTypes = Object.fromEntries(Object.entries(types).filter(([k]) => reached.has(k)));
  const keptDocs = Object.fromEntries(Object.entries(docs).filter(([k]) => reached.has(k)));
  realKinds.sort((a, b) => (a.group + a.version + a.kind).localeCompare(b.group + b.version + b.kind));
  return { source: sources.join(', '), kinds: realKinds, types: keptTypes, docs: keptDocs };
}
