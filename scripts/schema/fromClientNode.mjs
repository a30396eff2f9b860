// Adds the API versions that `kubernetes-models` does not ship — the alpha and beta versions
// still served by Kubernetes 1.36 (resource.k8s.io/v1beta2, storage.k8s.io/v1beta1, …) — from
// `@kubernetes/client-node` (release-1.36). Its models carry descriptions, required flags and
// integer formats, but no enums and no Quantity type, so those are not checked for these kinds.
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { docOf } from './fromKubernetesModels.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.resolve('@kubernetes/client-node'))));
const gen = join(root, 'dist', 'gen');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** "V1beta2DeviceClassSpec" → { version: "v1beta2", name: "DeviceClassSpec" }; also "RbacV1Subject". */
function splitClass(cls) {
  const m = /^(?:[A-Z][a-z]+)*?(V\d+(?:alpha\d+|beta\d+)?)([A-Z]\w*)$/.exec(cls);
  return m ? { version: m[1].toLowerCase(), name: m[2] } : undefined;
}

/** The API groups and versions served, from the generated API classes and their URL paths. */
function apiVersions() {
  const out = [];
  for (const file of readdirSync(join(gen, 'apis'))) {
    if (!/V\d+(?:alpha\d+|beta\d+)?Api\.d\.ts$/.test(file)) continue;
    const js = readFileSync(join(gen, 'apis', file.replace('.d.ts', '.js')), 'utf8');
    const path = /'\/apis\/([a-z0-9.-]+)\/(v\d+(?:alpha\d+|beta\d+)?)\//.exec(js) ?? /'\/api\/(v1)\//.exec(js);
    if (!path) continue;
    const [group, ver] = path.length === 3 ? [path[1], path[2]] : ['', path[1]];
    const dts = readFileSync(join(gen, 'apis', file), 'utf8');
    const bodies = new Set([...dts.matchAll(/\bbody: (V\d\w+)/g)].map((m) => m[1]));
    out.push({ group, version: ver, classes: [...bodies] });
  }
  return out;
}

async function attributeTypeMap(cls) {
  const mod = await import(pathToFileURL(join(gen, 'models', `${cls}.js`)).href);
  return mod[cls].attributeTypeMap;
}

/** Descriptions and required flags from the class's .d.ts. */
function declarations(cls) {
  const file = join(gen, 'models', `${cls}.d.ts`);
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const fields = new Map();
  let description;
  for (const st of sf.statements) {
    if (!ts.isClassDeclaration(st)) continue;
    description = docOf(st);
    for (const m of st.members) {
      if (!ts.isPropertyDeclaration(m) || !m.name || !ts.isStringLiteral(m.name)) continue;
      fields.set(m.name.text, { optional: !!m.questionToken, doc: docOf(m) });
    }
  }
  return { description, fields };
}

export async function fromClientNode(base) {
  const have = new Set(base.kinds.map((k) => `${k.group}/${k.version}/${k.kind}`));
  const added = [];
  const created = new Map(); // class → key, for types this supplement created

  /** Where a referenced class lives: an existing type when the same name/version exists, else a new one. */
  async function resolve(cls, group) {
    if (created.has(cls)) return created.get(cls);
    const parts = splitClass(cls);
    if (!parts) return undefined;
    const short = group ? group.split('.')[0] : 'core';
    const own = `${short}.${parts.version}.${parts.name}`;
    if (base.types[own]) return own;
    const shared = [`meta.${parts.version}.${parts.name}`, `core.${parts.version}.${parts.name}`].find((k) => base.types[k]);
    if (shared) return shared;
    created.set(cls, own);
    await addType(cls, own, group);
    return own;
  }

  async function typeOf(type, format, group) {
    let m;
    if (type === 'string') return format === 'date-time' ? { kind: 'string', format: 'date-time' } : { kind: 'string' };
    if (type === 'Date') return { kind: 'string', format: 'date-time' };
    if (type === 'number') return { kind: format === 'int32' || format === 'int64' ? 'integer' : 'number' };
    if (type === 'boolean') return { kind: 'boolean' };
    if (type === 'IntOrString') return { kind: 'int-or-string' };
    if (type === 'V1MicroTime' || type === 'V1Time') return { kind: 'string', format: 'date-time' };
    if (!existsSync(join(gen, 'models', `${type}.js`)) && !/^(Array<|\{)/.test(type)) return { kind: 'any' };
    if (type === 'any' || type === 'object') return { kind: 'any' };
    if ((m = /^Array<(.+)>$/.exec(type))) return { kind: 'array', items: await typeOf(m[1], '', group) };
    if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(type))) return { kind: 'map', values: await typeOf(m[1], '', group) };
    const key = await resolve(type, group);
    return key ? { kind: 'ref', ref: key } : { kind: 'any' };
  }

  async function addType(cls, key, group) {
    base.types[key] = { fields: {} }; // placeholder first: types may refer to themselves
    const decl = declarations(cls);
    const docs = (base.docs[key] ??= {});
    if (decl.description) docs[''] = decl.description;
    for (const a of await attributeTypeMap(cls)) {
      const ft = await typeOf(a.type, a.format, group);
      const d = decl.fields.get(a.baseName) ?? decl.fields.get(a.name);
      if (d && !d.optional) ft.required = true;
      if (d?.doc) docs[a.baseName] = d.doc;
      base.types[key].fields[a.baseName] = ft;
    }
  }

  for (const { group, version: ver, classes } of apiVersions()) {
    for (const cls of classes) {
      const parts = splitClass(cls);
      if (!parts || parts.version !== ver || parts.name.endsWith('List')) continue;
      if (have.has(`${group}/${ver}/${parts.name}`)) continue;
      const key = `${group ? group.split('.')[0] : 'core'}.${ver}.${parts.name}`;
      if (!base.types[key]) {
        created.set(cls, key);
        await addType(cls, key, group);
      }
      const apiVersion = group ? `${group}/${ver}` : ver;
      const f = base.types[key].fields;
      // apiVersion and kind are fixed for a kind, as kubernetes-models declares them.
      if (f.apiVersion) f.apiVersion = { kind: 'string', enum: [apiVersion], required: true };
      if (f.kind) f.kind = { kind: 'string', enum: [parts.name], required: true };
      base.kinds.push({ group, version: ver, kind: parts.name, type: key });
      have.add(`${group}/${ver}/${parts.name}`);
      added.push(`${apiVersion} ${parts.name}`);
    }
  }
  return { source: `@kubernetes/client-node@${version}`, added };
}
