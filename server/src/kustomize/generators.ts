// configMapGenerator and secretGenerator: literals, files and env files into a ConfigMap or Secret,
// named with kustomize's content hash suffix. The hash follows kustomize's api/hasher (HashRNode →
// encodeConfigMap / encodeSecret): sha256 of the JSON of {kind, name: "", data[, binaryData][, type]}
// in Go's encoding (sorted keys, <>& escaped), first 10 hex digits with 0 1 3 a e swapped for
// g h k m t so the suffix never reads as a number or a word. Checked against `kubectl kustomize`.
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { GeneratorArgs, GeneratorOptions } from './kustomization';
import type { KustomizeFs, KustomizeProblem } from './kustomizeFs';
import type { Obj } from './objectPaths';
import { t } from '../util/l10n';

export function generate(
  kind: 'ConfigMap' | 'Secret',
  g: GeneratorArgs,
  defaults: GeneratorOptions,
  dir: string,
  kfile: string,
  fs: KustomizeFs,
  problems: KustomizeProblem[],
): Obj {
  const data: Record<string, string> = {};
  const put = (key: string, value: string, from: string) => {
    if (key in data)
      problems.push({
        file: kfile,
        severity: 'error',
        message: t('{0} "{1}": key "{2}" is defined twice ({3}).', kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator', g.name, key, from),
      });
    data[key] = value;
  };
  for (const lit of g.literals) {
    const eq = lit.indexOf('=');
    if (eq <= 0) {
      problems.push({ file: kfile, severity: 'error', message: t('Literal "{0}" in generator "{1}" must be KEY=VALUE.', lit, g.name) });
      continue;
    }
    put(lit.slice(0, eq), unquote(lit.slice(eq + 1)), lit);
  }
  for (const spec of g.files) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq) : basename(spec);
    const path = resolve(dir, eq > 0 ? spec.slice(eq + 1) : spec);
    const text = fs.readText(path);
    if (text === undefined) problems.push({ file: kfile, severity: 'error', message: t('Generator "{0}": file {1} not found.', g.name, spec) });
    else put(key, text, spec);
  }
  for (const env of g.envs) {
    const text = fs.readText(resolve(dir, env));
    if (text === undefined) {
      problems.push({ file: kfile, severity: 'error', message: t('Generator "{0}": file {1} not found.', g.name, env) });
      continue;
    }
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (!line || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      // kustomize reads a bare KEY from the process environment; a dry-run must not depend on it.
      if (eq <= 0)
        problems.push({
          file: kfile,
          severity: 'warning',
          message: t('Env file {0}: "{1}" has no value; kustomize would read it from the environment, KubeMate leaves it empty.', env, line),
        });
      put(eq > 0 ? line.slice(0, eq) : line, eq > 0 ? line.slice(eq + 1) : '', env);
    }
  }
  const opts: GeneratorOptions = {
    ...defaults,
    ...g.options,
    labels: { ...defaults.labels, ...g.options.labels },
    annotations: { ...defaults.annotations, ...g.options.annotations },
  };
  const metadata: Obj = { name: g.name };
  if (g.namespace) metadata.namespace = g.namespace;
  if (opts.labels && Object.keys(opts.labels).length) metadata.labels = { ...opts.labels };
  if (opts.annotations && Object.keys(opts.annotations).length) metadata.annotations = { ...opts.annotations };
  const obj: Obj =
    kind === 'ConfigMap'
      ? { apiVersion: 'v1', kind, metadata, data }
      : {
          apiVersion: 'v1',
          kind,
          metadata,
          type: g.type ?? 'Opaque',
          data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')])),
        };
  return obj;
}

function unquote(v: string): string {
  // kustomize's parseLiteralSource strips one pair of matching surrounding quotes.
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** kustomize's content hash of a generated ConfigMap or Secret. */
export function generatorHash(obj: Obj): string {
  const enc: Obj = { kind: obj.kind, name: '' };
  if (obj.data && Object.keys(obj.data as Obj).length) enc.data = obj.data;
  if (obj.binaryData && Object.keys(obj.binaryData as Obj).length) enc.binaryData = obj.binaryData;
  if (obj.kind === 'Secret') enc.type = obj.type;
  // encodeConfigMap always writes "data", even when empty.
  if (!('data' in enc)) enc.data = {};
  const hex = createHash('sha256').update(goJson(enc)).digest('hex');
  return hex.slice(0, 10).replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c] as string);
}

/** JSON as Go's encoding/json writes it: map keys sorted bytewise, <, >, & and U+2028/9 escaped. */
function goJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return escape(JSON.stringify(v) ?? 'null');
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const keys = Object.keys(v as Obj).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return `{${keys.map((k) => `${escape(JSON.stringify(k))}:${goJson((v as Obj)[k])}`).join(',')}}`;
}

function escape(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
