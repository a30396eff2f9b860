// The objects `kubectl create configmap|secret|namespace|deployment` generate from their flags.
// File contents arrive already read (the CLI reads them); these functions only build and check.
// upstream: kubectl pkg/cmd/create (create_configmap.go, create_secret.go, create_secret_tls.go,
// create_namespace.go, create_deployment.go) and pkg/util/hash-free parts of pkg/cmd/util/env_file.go.
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { isConfigMapKey, isDNS1123Label } from '../k8s/nameFormats';

export type Generated = { ok: true; obj: Record<string, unknown> } | { ok: false; error: string };

/** A data source: `--from-literal=k=v`, a file (`--from-file=[k=]path`) or one line of an env file. */
export interface DataSources {
  literals: string[];
  files: { key: string; content: string }[];
  envFiles: { path: string; content: string }[];
  /** Where an env-file line without `=` takes its value (kubectl: its own environment; unset → ""). */
  environment?: (key: string) => string | undefined;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** key → value, in the order given; kubectl's error for a bad or repeated key. */
function collect(kind: 'ConfigMap' | 'Secret', name: string, src: DataSources): { ok: true; data: Record<string, string> } | { ok: false; error: string } {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): string | undefined => {
    const problems = isConfigMapKey(key);
    if (problems.length) return `error: "${key}" is not valid key name for a ${kind}: ${problems.join('; ')}`;
    if (key in data)
      return `error: cannot add key ${key}, another key by that name already exists in ${kind === 'ConfigMap' ? 'Data' : 'data'} for ${kind} "${name}"`;
    data[key] = value;
    return undefined;
  };
  for (const f of src.files) {
    const problem = add(f.key, f.content);
    if (problem) return { ok: false, error: problem };
  }
  for (const l of src.literals) {
    const eq = l.indexOf('=');
    if (eq <= 0) return { ok: false, error: `error: invalid literal source ${l}, expected key=value` };
    const problem = add(l.slice(0, eq), l.slice(eq + 1));
    if (problem) return { ok: false, error: problem };
  }
  for (const e of src.envFiles) {
    const lines = e.content.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      // kubectl trims a UTF-8 byte order mark from the first line only, then leading white space
      // (Go's unicode.IsSpace: JavaScript's \s without U+FEFF).
      const line = (i === 0 ? lines[i].replace(/^\uFEFF/, '') : lines[i]).replace(/^[^\S\uFEFF]+/, '');
      if (!line || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      if (!ENV_NAME.test(key))
        return {
          ok: false,
          error: `error: "${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (line ${i + 1} of ${e.path})`,
        };
      const problem = add(key, eq < 0 ? (src.environment?.(key) ?? '') : line.slice(eq + 1));
      if (problem) return { ok: false, error: problem };
    }
  }
  return { ok: true, data };
}

const meta = (name: string, namespace: string | undefined) => (namespace ? { name, namespace } : { name });

export function configMapFrom(name: string, namespace: string | undefined, src: DataSources): Generated {
  const c = collect('ConfigMap', name, src);
  if (!c.ok) return c;
  return { ok: true, obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, namespace), data: c.data } };
}

const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** No type unless --type gives one: the API server defaults it to Opaque. */
export function genericSecretFrom(name: string, namespace: string | undefined, src: DataSources, type?: string): Generated {
  const c = collect('Secret', name, src);
  if (!c.ok) return c;
  const data = Object.fromEntries(Object.entries(c.data).map(([k, v]) => [k, base64(v)]));
  return { ok: true, obj: { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, namespace), data, ...(type ? { type } : {}) } };
}

/** Go's tls.X509KeyPair checks, in its order and words: PEM blocks, then the certificate and key parse, then that they belong together. */
function keyPairError(cert: string, key: string): string | undefined {
  const pem = (text: string, what: string) => new RegExp(`-----BEGIN [A-Z ]*${what}[A-Z ]*-----`).test(text);
  if (!pem(cert, 'CERTIFICATE')) return 'tls: failed to find any PEM data in certificate input';
  if (!pem(key, 'PRIVATE KEY')) return 'tls: failed to find any PEM data in key input';
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    return 'x509: malformed certificate';
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    return 'tls: failed to parse private key';
  }
  return x509.checkPrivateKey(privateKey) ? undefined : 'tls: private key does not match public key';
}

export function tlsSecretFrom(name: string, namespace: string | undefined, cert: string, key: string): Generated {
  const problem = keyPairError(cert, key);
  if (problem) return { ok: false, error: `error: failed to load key pair ${problem}` };
  return {
    ok: true,
    obj: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(name, namespace),
      type: 'kubernetes.io/tls',
      data: { 'tls.crt': base64(cert), 'tls.key': base64(key) },
    },
  };
}

export function namespaceObject(name: string): Generated {
  // spec and status are empty structs, which Go's encoder writes (`--dry-run=client -o yaml` shows them).
  return { ok: true, obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} } };
}

/** The container name kubectl derives from an image: the last path part, without tag or digest, `_` → `-`. */
export function containerNameOf(image: string): string {
  const noDigest = image.split('@')[0];
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const name = last.split(':')[0].replace(/_/g, '-');
  return isDNS1123Label(name).length ? 'app' : name;
}

export function deploymentFrom(name: string, namespace: string | undefined, images: string[], replicas: number, port?: number): Generated {
  if (!images.length) return { ok: false, error: 'error: required flag(s) "image" not set' };
  const labels = { app: name };
  const containers = images.map((image, i) => {
    const c: Record<string, unknown> = { name: containerNameOf(image), image };
    if (port !== undefined && i === 0) c.ports = [{ containerPort: port }];
    c.resources = {};
    return c;
  });
  return {
    ok: true,
    obj: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...meta(name, namespace), labels },
      // The empty structs (strategy, resources, status) are what kubectl's generator writes too.
      spec: { replicas, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers } } },
      status: {},
    },
  };
}
