// Reads the Kubernetes API model from the `kubernetes-models` package: its .d.ts files carry
// the upstream OpenAPI descriptions on every field (reference fields included) and enums as
// literal unions; its compiled validators tell integers from other numbers.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, sep } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { typeOfNode } from './typeOfNode.mjs';

const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve('kubernetes-models/package.json'));
const machineryRoot = dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));
const modelsVersion = JSON.parse(readFileSync(join(modelsRoot, 'package.json'), 'utf8')).version;

/** Alias types that are scalars with a meaning of their own (fromCrdPackages adds the ones CRD packages use). */
export const SPECIAL = {
  IIoK8sApimachineryPkgApiResourceQuantity: { kind: 'quantity' },
  IIoK8sApimachineryPkgUtilIntstrIntOrString: { kind: 'int-or-string' },
  IIoK8sApimachineryPkgApisMetaV1Time: { kind: 'string', format: 'date-time' },
  IIoK8sApimachineryPkgApisMetaV1MicroTime: { kind: 'string', format: 'date-time' },
  IIoK8sApimachineryPkgRuntimeRawExtension: { kind: 'any' },
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: { kind: 'any' },
};

/** Every model file under a package root (no index files, no node_modules or _schemas). */
export function listDts(root) {
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
  const parts = relative(root, file)
    .replace(/\.d\.ts$/, '')
    .split(sep);
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
  const text = docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join('\n')
    .trim();
  return text || undefined;
}

/** → { source, kinds: [{group, version, kind, type}], types: {key: {fields}}, docs: {key: {field: text}} } */
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
    return typeOfNode(node, {
      ref(name) {
        if (SPECIAL[name]) return { ...SPECIAL[name] };
        const key = aliasToKey.get(name) ?? aliasToKey.get('IIoK8s' + name.replace(/^I/, ''));
        return key ? { kind: 'ref', ref: key } : { kind: 'any' }; // local aliases such as JSON / JSONSchemaPropsOrArray
      },
      inner: (n) => typeOf(n),
    });
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
      if (name === 'apiVersion' && ty.enum?.length === 1) apiVersion = ty.enum[0];
      if (name === 'kind' && ty.enum?.length === 1) kind = ty.enum[0];
      if (validate) {
        const shape =
          ty.kind === 'number'
            ? 'scalar'
            : ty.kind === 'array' && ty.items.kind === 'number'
              ? 'array'
              : ty.kind === 'map' && ty.values.kind === 'number'
                ? 'map'
                : undefined;
        if (shape && isIntegerAt(validate, name, shape)) {
          if (shape === 'scalar') ty = { kind: 'integer' };
          else if (shape === 'array') ty.items = { kind: 'integer' };
          else ty.values = { kind: 'integer' };
        }
      }
      if (!m.questionToken) {
        ty.required = true;
        required.push(name);
      }
      fields[name] = ty;
      const d = docOf(m);
      if (d) (docs[key] ??= {})[name] = d;
    }
    // apiVersion/kind of a kind are fixed strings: keep them as required single-value enums.
    types[key] = { fields: fields };
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
