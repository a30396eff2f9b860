// Reads the Kubernetes API model from the `kubernetes-models` package: its .d.ts files carry
// the upstream OpenAPI descriptions on every field (reference fields included) and enums as
// literal unions; its compiled validators tell integers from other numbers.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, sep } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve('kubernetes-models/package.json'));
const machineryRoot = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
const modelsVersion = JSON.parse(readFileSync(join(modelsRoot, 'package.json'), 'utf8')).version;

/** Alias types that are scalars with a meaning of their own. */
const SPECIAL = {
  IIoK8sApimachineryPkgApiResourceQuantity: { t: 'quantity' },
  IIoK8sApimachineryPkgUtilIntstrIntOrString: { t: 'int-or-string' },
  IIoK8sApimachineryPkgApisMetaV1Time: { t: 'string', f: 'date-time' },
  IIoK8sApimachineryPkgApisMetaV1MicroTime: { t: 'string', f: 'date-time' },
  IIoK8sApimachineryPkgRuntimeRawExtension: { t: 'any' },
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: { t: 'any' },
};

function listDts(root) {
  const out = [];
  for (const name of readdirSync(root)) {
    const full = join(root, name);
    if (name === 'node_modules' || name === '_schemas') continue;
    if (statSync(full).isDirectory()) out.push(...listDts(full));
    else if (name.endsWith('.d.ts') && name !== 'index.d.ts') out.push(full);
  }
  return out;
}

/** "apps/v1/DeploymentSpec.d.ts" → "apps.v1.DeploymentSpec"; "v1/Pod.d.ts" → "core.v1.Pod". */
function keyOf(root, file) {
  const parts = relative(root, file).replace(/\.d\.ts$/, '').split(sep);
  const type = parts.pop();
  if (root === machineryRoot) {
    // apis/meta/v1/X → meta.v1.X ; api/resource/Quantity → resource.Quantity ; util/intstr/IntOrString
    return [...parts.filter((p) => p !== 'apis' && p !== 'api'), type].join('.');
  }
  if (parts.length === 1) return `core.${parts[0]}.${type}`;
  return `${parts[0].split('.')[0]}.${parts[1]}.${type}`;
}

export function docOf(node) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n').trim();
  return text || undefined;
}

/** → { source, kinds: [{group, version, kind, type}], types: {key: {f: fields}}, docs: {key: {field: text}} } */
export async function fromKubernetesModels() {
  // Pass 1: every interface, its alias (IIoK8s…) and the validator module that checks it.
  const interfaces = []; // { key, alias, node, file, root }
  const aliasToKey = new Map();
  for (const root of [modelsRoot, machineryRoot]) {
    for (const file of listDts(root)) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const key = keyOf(root, file);
      let iface;
      let alias;
      for (const st of sf.statements) {
        if (ts.isInterfaceDeclaration(st) && !iface) iface = st;
        if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
          for (const el of st.exportClause.elements) {
            if (el.name.text.startsWith('IIoK8s')) alias = el.name.text;
          }
        }
      }
      if (alias) aliasToKey.set(alias, key);
      if (iface && alias) interfaces.push({ key, alias, node: iface, root });
    }
  }

  function typeOf(node) {
    if (!node) return { t: 'any' };
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { t: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { t: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { t: 'boolean' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        return { t: 'any' };
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { t: 'string', e: [node.literal.text] };
    if (ts.isUnionTypeNode(node)) {
      const lits = node.types.filter((x) => ts.isLiteralTypeNode(x) && ts.isStringLiteral(x.literal)).map((x) => x.literal.text);
      if (lits.length === node.types.length) return { t: 'string', e: lits };
      const kinds = new Set(node.types.map((x) => x.kind));
      if (kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) return { t: 'int-or-string' };
      return { t: 'any' };
    }
    if (ts.isArrayTypeNode(node)) return { t: 'array', i: typeOf(node.elementType) };
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (name === 'Array' && node.typeArguments?.length === 1) return { t: 'array', i: typeOf(node.typeArguments[0]) };
      if (SPECIAL[name]) return { ...SPECIAL[name] };
      const key = aliasToKey.get(name) ?? aliasToKey.get('IIoK8s' + name.replace(/^I/, ''));
      if (key) return { t: 'ref', r: key };
      return { t: 'any' }; // local aliases such as JSON / JSONSchemaPropsOrArray
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index) return { t: 'map', v: typeOf(index.type) };
      return { t: 'any' };
    }
    return { t: 'any' };
  }

  /** The validator module of a definition, used to tell integer fields from number fields. */
  async function loadValidator(root, alias) {
    const file = join(root, '_schemas', alias.slice(1) + '.js');
    try {
      return (await import(pathToFileURL(file).href)).validate;
    } catch {
      return undefined;
    }
  }

  /** Probes a validator with 0.5 at `path`: an `integer` type error there means the field is an integer. */
  function isIntegerAt(validate, prop, shape) {
    const sample = shape === 'array' ? [0.5] : shape === 'map' ? { k: 0.5 } : 0.5;
    const suffix = shape === 'array' ? '/0' : shape === 'map' ? '/k' : '';
    validate({ [prop]: sample });
    return (validate.errors ?? []).some(
      (e) => e.instancePath === `/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}${suffix}` && e.keyword === 'type' && e.params?.type === 'integer',
    );
  }

  const types = {};
  const docs = {};
  const kinds = [];
  for (const { key, alias, node, root } of interfaces) {
    const fields = {};
    const required = [];
    const validate = await loadValidator(root, alias);
    let apiVersion;
    let kind;
    const description = docOf(node);
    if (description) docs[key] = { '': description };
    for (const m of node.members) {
      if (!ts.isPropertySignature(m) || !m.name) continue;
      const name = ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
      let ty = typeOf(m.type);
      if (name === 'apiVersion' && ty.e?.length === 1) apiVersion = ty.e[0];
      if (name === 'kind' && ty.e?.length === 1) kind = ty.e[0];
      if (validate) {
        const shape = ty.t === 'number' ? 'scalar' : ty.t === 'array' && ty.i.t === 'number' ? 'array' : ty.t === 'map' && ty.v.t === 'number' ? 'map' : undefined;
        if (shape && isIntegerAt(validate, name, shape)) {
          if (shape === 'scalar') ty = { t: 'integer' };
          else if (shape === 'array') ty.i = { t: 'integer' };
          else ty.v = { t: 'integer' };
        }
      }
      if (!m.questionToken) {
        ty.q = 1;
        required.push(name);
      }
      fields[name] = ty;
      const d = docOf(m);
      if (d) (docs[key] ??= {})[name] = d;
    }
    // apiVersion/kind of a kind are fixed strings: keep them as required single-value enums.
    types[key] = { f: fields };
    if (apiVersion && kind) {
      const slash = apiVersion.indexOf('/');
      kinds.push({
        group: slash < 0 ? '' : apiVersion.slice(0, slash),
        version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
        kind,
        type: key,
      });
    }
  }

  return { source: `kubernetes-models@${modelsVersion}`, kinds, types, docs };
}
