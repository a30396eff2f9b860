// Pod spec rules of the API server that new users trip over.
// upstream: pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers, validatePorts…).
import { FieldError, fieldError, Path, supportedValues } from './fieldError';
import { arr, get, isObj, num, obj, str } from './objectAccess';
import { isDNS1123Label, isValidPortName, isValidPortNum, MSG_PORT_RANGE } from './nameFormats';
import { parseQuantity } from './quantity';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validatePodSpec(spec: unknown, at: Path, extraVolumes: string[] = []): FieldError[] {
  const errs: FieldError[] = [];
  // A missing spec decodes to the zero PodSpec, which has no containers.
  if (spec === undefined || spec === null) spec = {};
  if (!isObj(spec)) return errs;
  const containers = spec.containers;
  if (containers === undefined || containers === null || (Array.isArray(containers) && containers.length === 0)) {
    errs.push(fieldError('Required', [...at, 'containers']));
  }
  const hostNetwork = spec.hostNetwork === true;
  const volumeNames = new Set<string>();
  arr(spec.volumes).forEach((v, i) => {
    const name = str(get(v, 'name'));
    if (name === undefined) return;
    if (volumeNames.has(name)) errs.push(fieldError('Duplicate', [...at, 'volumes', i, 'name'], '', name));
    volumeNames.add(name);
  });
  for (const v of extraVolumes) volumeNames.add(v);
  const seenNames = new Set<string>();
  for (const list of ['initContainers', 'containers'] as const) {
    arr(spec[list]).forEach((c, i) => {
      if (!isObj(c)) return;
      errs.push(...validateContainer(c, [...at, list, i], { hostNetwork, volumeNames, seenNames }));
    });
  }
  return errs;
}

interface PodContext {
  hostNetwork: boolean;
  volumeNames: Set<string>;
  seenNames: Set<string>;
}

function validateContainer(c: Record<string, unknown>, at: Path, ctx: PodContext): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (name === undefined || name === '') errs.push(fieldError('Required', [...at, 'name']));
  else {
    for (const m of isDNS1123Label(name)) errs.push(fieldError('Invalid', [...at, 'name'], m, name));
    if (ctx.seenNames.has(name)) errs.push(fieldError('Duplicate', [...at, 'name'], '', name));
    ctx.seenNames.add(name);
  }
  if (c.image === undefined || c.image === null || c.image === '') errs.push(fieldError('Required', [...at, 'image']));
  const portNames = new Set<string>();
  arr(c.ports).forEach((p, i) => {
    if (!isObj(p)) return;
    const pAt = [...at, 'ports', i];
    const cp = p.containerPort;
    if (cp === undefined || cp === null || cp === 0) errs.push(fieldError('Required', [...pAt, 'containerPort']));
    else if (typeof cp === 'number' && isValidPortNum(cp).length) errs.push(fieldError('Invalid', [...pAt, 'containerPort'], MSG_PORT_RANGE, cp));
    const hp = num(p.hostPort);
    if (hp !== undefined && hp !== 0 && isValidPortNum(hp).length) errs.push(fieldError('Invalid', [...pAt, 'hostPort'], MSG_PORT_RANGE, hp));
    if (ctx.hostNetwork && hp !== undefined && hp !== 0 && typeof cp === 'number' && hp !== cp) {
      errs.push(fieldError('Invalid', [...pAt, 'hostPort'], 'must match `containerPort` when `hostNetwork` is true', hp));
    }
    const pn = str(p.name);
    if (pn !== undefined && pn !== '') {
      for (const m of isValidPortName(pn)) errs.push(fieldError('Invalid', [...pAt, 'name'], m, pn));
      if (portNames.has(pn)) errs.push(fieldError('Duplicate', [...pAt, 'name'], '', pn));
      portNames.add(pn);
    }
    const proto = p.protocol;
    if (typeof proto === 'string' && !PROTOCOLS.includes(proto)) {
      errs.push(fieldError('Unsupported', [...pAt, 'protocol'], supportedValues(PROTOCOLS), proto));
    }
  });
  errs.push(...validateResources(obj(c.resources), [...at, 'resources']));
  arr(c.volumeMounts).forEach((m, i) => {
    const vn = str(get(m, 'name'));
    if (vn !== undefined && !ctx.volumeNames.has(vn)) errs.push(fieldError('NotFound', [...at, 'volumeMounts', i, 'name'], '', vn));
  });
  return errs;
}

/** requests ≤ limits per resource; negative quantities rejected. */
function validateResources(res: Record<string, unknown> | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!res) return errs;
  const limits = obj(res.limits) ?? {};
  const requests = obj(res.requests) ?? {};
  for (const [section, values] of [
    ['limits', limits],
    ['requests', requests],
  ] as const) {
    for (const [k, v] of Object.entries(values)) {
      const q = typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
      if (q !== undefined && q < 0) errs.push(fieldError('Invalid', [...at, section, k], 'must be greater than or equal to 0', String(v), at.length + 1));
    }
  }
  for (const [k, reqRaw] of Object.entries(requests)) {
    const limRaw = limits[k];
    if (limRaw === undefined || limRaw === null) continue;
    const req = typeof reqRaw === 'string' || typeof reqRaw === 'number' ? parseQuantity(reqRaw) : undefined;
    const lim = typeof limRaw === 'string' || typeof limRaw === 'number' ? parseQuantity(limRaw) : undefined;
    if (req !== undefined && lim !== undefined && req > lim) {
      const e = fieldError('Invalid', [...at, 'requests'], `must be less than or equal to ${k} limit of ${String(limRaw)}`, String(reqRaw));
      e.locate = [...at, 'requests', k];
      errs.push(e);
    }
  }
  return errs;
}
