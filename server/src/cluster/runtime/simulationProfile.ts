// What an image does when the simulator "runs" it: the `kind: SimulationProfile` documents of a
// cluster profile (`--cluster F`, `.kubemate/cluster.yaml`). The simulator cannot run images, so
// the user says, per image or image pattern (`*` matches any run of characters), whether it
// pulls, when its process exits and with which code, how much memory it uses, when it starts
// serving, which ports it listens on and when its liveness endpoint stops answering. The first
// matching entry wins; an image no entry matches pulls, starts and serves on its declared ports.
import { isValidQuantity } from '../../k8s/quantity';
import { t } from '../../util/l10n';

export type PullResult = 'ok' | 'notFound' | 'unauthorized';

export interface ImageBehaviour {
  /** The image as written in the manifest, or a pattern with `*`. */
  image: string;
  pull?: PullResult;
  /** The process exits `afterSeconds` after it starts, with `code` (0 → Completed, else Error). */
  exit?: { code: number; afterSeconds: number };
  /** The working set the process reaches right after it starts (OOMKilled above limits.memory). */
  memory?: string;
  /** Seconds after the start before the process answers its probes and serves. */
  readyAfterSeconds?: number;
  /** The ports the process really listens on (default: the container's declared ports). */
  listens?: number[];
  /** The HTTP paths the process answers with 200 (default: every path); an httpGet probe of another path gets 404. */
  httpPaths?: string[];
  /** Seconds after the start after which the process stops answering (liveness fails). */
  livenessFailsAfterSeconds?: number;
  /** Seconds the process keeps running after SIGTERM when its pod is deleted (default 0: it exits at once). */
  terminationSeconds?: number;
}

const PULLS: PullResult[] = ['ok', 'notFound', 'unauthorized'];
const FIELDS = ['image', 'pull', 'exit', 'memory', 'readyAfterSeconds', 'listens', 'httpPaths', 'livenessFailsAfterSeconds', 'terminationSeconds'];

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPort = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;

/** One SimulationProfile document → its image entries; problems name `where` and the entry. */
export function readSimulationProfile(obj: Record<string, unknown>, where: string, problems: string[]): ImageBehaviour[] {
  const spec = isObj(obj.spec) ? obj.spec : undefined;
  if (!spec || !Array.isArray(spec.images)) {
    problems.push(t('{0}: a SimulationProfile needs spec.images, a list of image entries.', where));
    return [];
  }
  const out: ImageBehaviour[] = [];
  spec.images.forEach((e: unknown, i: number) => {
    const at = `${where}: spec.images[${i}]`;
    if (!isObj(e) || typeof e.image !== 'string' || !e.image) {
      problems.push(t('{0}: each entry needs "image" (an image or a pattern with *).', at));
      return;
    }
    const before = problems.length;
    for (const k of Object.keys(e)) if (!FIELDS.includes(k)) problems.push(t('{0}: unknown field "{1}" (known: {2}).', at, k, FIELDS.join(', ')));
    const b: ImageBehaviour = { image: e.image };
    if (e.pull !== undefined) {
      if (PULLS.includes(e.pull as PullResult)) b.pull = e.pull as PullResult;
      else problems.push(t('{0}: pull must be one of {1} (found {2}).', at, PULLS.join(', '), String(e.pull)));
    }
    if (e.exit !== undefined) {
      const x = e.exit;
      if (
        isObj(x) &&
        typeof x.code === 'number' &&
        Number.isInteger(x.code) &&
        x.code >= 0 &&
        x.code <= 255 &&
        (x.afterSeconds === undefined || isSeconds(x.afterSeconds))
      ) {
        b.exit = { code: x.code, afterSeconds: (x.afterSeconds as number | undefined) ?? 0 };
      } else problems.push(t('{0}: exit must be {code: 0-255, afterSeconds: a whole number of seconds ≥ 0}.', at));
    }
    if (e.memory !== undefined) {
      if (isValidQuantity(e.memory)) b.memory = String(e.memory);
      else problems.push(t('{0}: memory is not a valid quantity: {1}', at, String(e.memory)));
    }
    for (const k of ['readyAfterSeconds', 'livenessFailsAfterSeconds', 'terminationSeconds'] as const) {
      if (e[k] === undefined) continue;
      if (isSeconds(e[k])) b[k] = e[k] as number;
      else problems.push(t('{0}: {1} must be a whole number of seconds ≥ 0.', at, k));
    }
    if (e.listens !== undefined) {
      if (Array.isArray(e.listens) && e.listens.every(isPort)) b.listens = e.listens as number[];
      else problems.push(t('{0}: listens must be a list of port numbers (1-65535).', at));
    }
    if (e.httpPaths !== undefined) {
      if (Array.isArray(e.httpPaths) && e.httpPaths.every((x) => typeof x === 'string' && x.startsWith('/'))) b.httpPaths = e.httpPaths as string[];
      else problems.push(t('{0}: httpPaths must be a list of paths that start with /.', at));
    }
    if (problems.length === before) out.push(b);
  });
  return out;
}

const patterns = new Map<string, RegExp>();

function patternOf(p: string): RegExp {
  let re = patterns.get(p);
  if (!re) {
    if (patterns.size > 1024) patterns.clear();
    re = new RegExp(
      `^${p
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    patterns.set(p, re);
  }
  return re;
}

/** The first entry whose image or pattern matches the image as written in the manifest. */
export function behaviourFor(entries: readonly ImageBehaviour[] | undefined, image: string | undefined): ImageBehaviour | undefined {
  if (!entries?.length || image === undefined) return undefined;
  for (const e of entries) {
    if (e.image === image || (e.image.includes('*') && patternOf(e.image).test(image))) return e;
  }
  return undefined;
}
