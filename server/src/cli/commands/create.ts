// `kubemate create -f <file|dir>… [--record] [--save-config]` — kubectl create: like apply, but an
// object that exists is refused (AlreadyExists) and no last-applied annotation is written;
// `kubemate create configmap|secret generic|secret tls|namespace|deployment <name> …` — kubectl's
// generators; and `kubemate create job <name> --from=cronjob/<cronjob>` — the CronJob's "run now".
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs, type OptionSpec, type ParsedArgs } from '../parseArgs';
import { objectsYaml } from '../../kubectl/printers/objectsYaml';
import { kubectlName } from '../../k8s/resources';
import { groupOf } from '../../kubectl/verbResult';
import type { KObject } from '../../cluster/types';
import { withSession, SESSION_OPTIONS } from './clusterSession';
import { namespaceOf } from '../typeArgs';
import { createJobVerb } from '../../kubectl/verbs/createJob';
import { applyVerb, NO_OBJECTS_TO_CREATE } from '../../kubectl/verbs/apply';
import { allLines } from '../../kubectl/verbResult';
import { printLines, printVerb } from '../printVerb';
import { readFiles } from './readFiles';
import { changeCause } from '../changeCause';
import { t } from '../../util/l10n';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createObjectVerb, type GeneratedKind } from '../../kubectl/verbs/createObject';
import { configMapFrom, deploymentFrom, genericSecretFrom, namespaceObject, tlsSecretFrom, type DataSources, type Generated } from '../../kubectl/generators';

export const createCommand: CliCommand = {
  name: 'create',
  summary: 'Create objects from files (refused when they exist), or run a CronJob now: create a Job from its template.',
  usage:
    'kubemate create (-f <file|dir> [-f …] [-R] [--record] [--save-config] | configmap <name> [--from-literal=k=v] [--from-file=[k=]path] [--from-env-file=path] | secret generic <name> [same --from-…] | secret tls <name> --cert=F --key=F | namespace <name> | deployment <name> --image=I [--replicas=N] [--port=P] [--dry-run=client -o yaml] | job <name> --from=cronjob/<name>) [-n ns] [--state F]',
  run: (args, io, opts) => runCreate(args, io, opts.env ?? {}),
};

const OPTIONS: OptionSpec = {
  ...SESSION_OPTIONS,
  from: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  filename: { type: 'string', short: 'f', multiple: true },
  recursive: { type: 'boolean', short: 'R' },
  record: { type: 'boolean' },
  'save-config': { type: 'boolean' },
  'from-literal': { type: 'string', multiple: true },
  'from-file': { type: 'string', multiple: true },
  'from-env-file': { type: 'string', multiple: true },
  cert: { type: 'string' },
  key: { type: 'string' },
  image: { type: 'string', multiple: true },
  replicas: { type: 'string' },
  port: { type: 'string' },
  'dry-run': { type: 'string' },
  output: { type: 'string', short: 'o' },
};

const KINDS: Record<string, GeneratedKind> = {
  configmap: 'configmap',
  cm: 'configmap',
  secret: 'secret',
  namespace: 'namespace',
  ns: 'namespace',
  deployment: 'deployment',
  deploy: 'deployment',
};

/** kubectl's words for a file it cannot read. */
class UnreadableFile extends Error {}

function read(io: CliIO, path: string): string {
  try {
    return readFileSync(resolve(io.cwd, path), 'utf8');
  } catch {
    throw new UnreadableFile(`error: error reading ${path}: no such file or directory`);
  }
}

function list(values: Record<string, unknown>, key: string): string[] {
  return (values[key] as string[] | undefined) ?? [];
}

/** --from-file=[key=]path: a file under its own name or the key given; a folder gives each regular file in it. */
function dataSources(values: Record<string, unknown>, io: CliIO, env: NodeJS.ProcessEnv): DataSources {
  const files: DataSources['files'] = [];
  for (const spec of list(values, 'from-file')) {
    const eq = spec.indexOf('=');
    const [key, path] = eq > 0 ? [spec.slice(0, eq), spec.slice(eq + 1)] : [undefined, spec];
    const full = resolve(io.cwd, path);
    let dir = false;
    try {
      dir = statSync(full).isDirectory();
    } catch {
      throw new UnreadableFile(`error: error reading ${path}: no such file or directory`);
    }
    if (!dir) files.push({ key: key ?? basename(path), content: read(io, path) });
    else for (const f of readdirSync(full).sort()) if (statSync(resolve(full, f)).isFile()) files.push({ key: f, content: read(io, resolve(full, f)) });
  }
  return {
    literals: list(values, 'from-literal'),
    files,
    envFiles: list(values, 'from-env-file').map((path) => ({ path, content: read(io, path) })),
    // kubectl reads an env-file line without `=` from its own environment
    environment: (key) => env[key],
  };
}

function generate(
  what: GeneratedKind,
  rest: string[],
  values: Record<string, unknown>,
  io: CliIO,
  namespace: string | undefined,
  env: NodeJS.ProcessEnv,
): Generated | undefined {
  if (what === 'secret') {
    const [type, name] = rest;
    if (!name || (type !== 'generic' && type !== 'tls')) return undefined;
    if (type === 'tls') {
      if (typeof values.cert !== 'string' || typeof values.key !== 'string') return { ok: false, error: 'error: key and cert must be specified' };
      return tlsSecretFrom(name, namespace, read(io, values.cert), read(io, values.key));
    }
    return genericSecretFrom(name, namespace, dataSources(values, io, env));
  }
  const [name] = rest;
  if (!name) return undefined;
  if (what === 'configmap') return configMapFrom(name, namespace, dataSources(values, io, env));
  if (what === 'namespace') return namespaceObject(name);
  const replicas = values.replicas === undefined ? 1 : Number(values.replicas);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (!Number.isInteger(replicas) || replicas < 0)
    return {
      ok: false,
      error: `error: invalid argument "${values.replicas}" for "-r, --replicas" flag: strconv.ParseInt: parsing "${values.replicas}": invalid syntax`,
    };
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    return { ok: false, error: `error: invalid argument "${values.port}" for "--port" flag` };
  return deploymentFrom(name, namespace, list(values, 'image'), replicas, port);
}

async function runCreate(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseArgs(args, OPTIONS);
  const { values, positionals } = parsed;
  const paths = (values.filename as string[] | undefined) ?? [];
  if (paths.length) return createFromFiles(parsed, paths, io);
  const generatedKind = KINDS[positionals[0] ?? ''];
  if (generatedKind) return createGenerated(generatedKind, positionals.slice(1), values, io, env);
  const [what, name] = positionals;
  const from = typeof values.from === 'string' ? values.from : '';
  const m = /^(cronjob|cronjobs|cj|cronjob\.batch)\/(.+)$/.exec(from);
  if (what !== 'job' || !name || !m) throw new UsageError(t('Give files with -f, or run a CronJob now with `create job <name> --from=cronjob/<name>`.'));
  const r = withSession(
    values,
    io,
    (s) => createJobVerb(s.sim, namespaceOf(values), name, m[2]),
    (r) => r.ok,
  );
  return typeof r === 'number' ? r : printVerb(io, r);
}

function createFromFiles({ values, positionals, tokens }: ParsedArgs, paths: string[], io: CliIO): number {
  if (positionals.length) throw new UsageError(t('Unexpected argument: {0}. Give files with -f.', positionals[0]));
  const read = readFiles(paths, values.recursive === true, io);
  if (!read.objects.length) {
    io.err(NO_OBJECTS_TO_CREATE);
    return 1;
  }
  const inputs = read.objects.map((o) => ({ obj: o.obj, source: { file: o.file, line: o.line } }));
  const namespace = typeof values.namespace === 'string' ? values.namespace : undefined;
  const create = { changeCause: values.record === true ? changeCause('create', tokens) : undefined, saveConfig: values['save-config'] === true };
  const r = withSession(
    values,
    io,
    (s) => applyVerb(s.sim, inputs, { namespace, create }),
    () => true,
  );
  if (typeof r === 'number') return r;
  if (values.record === true) io.err('Flag --record has been deprecated, --record will be removed in the future'); // l10n-exempt: kubectl's own words
  printLines(io, allLines(r));
  return r.ok && !read.problems.length ? 0 : 1;
}

function createGenerated(what: GeneratedKind, rest: string[], values: Record<string, unknown>, io: CliIO, env: NodeJS.ProcessEnv): number {
  const namespace = typeof values.namespace === 'string' ? values.namespace : undefined;
  let generated: Generated | undefined;
  try {
    generated = generate(what, rest, values, io, namespace, env);
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    io.err(e.message);
    return 1;
  }
  if (!generated) throw new UsageError(t('Name what to create, e.g. `kubemate create configmap web-config --from-literal=MODE=prod`.'));
  const dryRun = values['dry-run'];
  if (dryRun !== undefined && dryRun !== 'none') {
    // `--dry-run=client -o yaml`: the generated manifest, printed and not created — the usual way to start a file.
    if (dryRun !== 'client' && dryRun !== 'server') throw new UsageError(t('--dry-run must be none, client or server.'));
    const format = outputFormat(values.output, ['yaml', 'name', 'text'] as const, 'text');
    if (!generated.ok) {
      io.err(generated.error);
      return 1;
    }
    const obj = generated.obj as KObject;
    const kindName = kubectlName(obj.kind, groupOf(obj.kind));
    if (format === 'yaml') io.out(objectsYaml([obj], true));
    else io.out(`${kindName}/${obj.metadata.name}${format === 'text' ? ` created (${dryRun} dry run)` : ''}`);
    return 0;
  }
  const made = generated;
  const r = withSession(
    values,
    io,
    (s) => createObjectVerb(s.sim, what, made, namespace ?? 'default'),
    (r) => r.ok,
  );
  if (typeof r === 'number') return r;
  printLines(io, allLines(r));
  return r.ok ? 0 : 1;
}
