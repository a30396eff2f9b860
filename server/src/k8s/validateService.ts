// Service rules. upstream: pkg/apis/core/validation/validation.go ValidateService, validateServicePort.
import { FieldError, fieldError, supportedValues } from './fieldError';
import { arr, isObj, obj, str } from './objectAccess';
import { isValidPortName, isValidPortNum, MSG_PORT_RANGE } from './nameFormats';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export function validateService(o: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  // A missing spec decodes to the zero ServiceSpec (a ClusterIP Service without ports).
  const spec = obj(o.spec) ?? (o.spec === undefined || o.spec === null ? {} : undefined);
  if (!spec) return errs;
  const type = spec.type ?? 'ClusterIP';
  if (typeof type === 'string' && !TYPES.includes(type)) errs.push(fieldError('Unsupported', ['spec', 'type'], supportedValues(TYPES), type));
  const headless = spec.clusterIP === 'None';
  const ports = arr(spec.ports);
  if (ports.length === 0 && type !== 'ExternalName' && !headless) errs.push(fieldError('Required', ['spec', 'ports']));
  const names = new Set<string>();
  const portProto = new Set<string>();
  ports.forEach((p, i) => {
    if (!isObj(p)) return;
    const at = ['spec', 'ports', i];
    const name = str(p.name);
    if (ports.length > 1 && (name === undefined || name === '')) errs.push(fieldError('Required', [...at, 'name']));
    if (name) {
      if (names.has(name)) errs.push(fieldError('Duplicate', [...at, 'name'], '', name));
      names.add(name);
    }
    // An unset port decodes to 0, which is out of range.
    const port = p.port ?? 0;
    if (typeof port === 'number' && isValidPortNum(port).length) errs.push(fieldError('Invalid', [...at, 'port'], MSG_PORT_RANGE, port));
    const proto = p.protocol ?? 'TCP';
    if (typeof proto === 'string' && !PROTOCOLS.includes(proto)) errs.push(fieldError('Unsupported', [...at, 'protocol'], supportedValues(PROTOCOLS), proto));
    const key = `${String(port)}/${String(proto)}`;
    if (typeof port === 'number') {
      if (portProto.has(key)) errs.push(fieldError('Duplicate', at, '', { port, protocol: proto }));
      portProto.add(key);
    }
    const tp = p.targetPort;
    if (typeof tp === 'number' && isValidPortNum(tp).length) errs.push(fieldError('Invalid', [...at, 'targetPort'], MSG_PORT_RANGE, tp));
    if (typeof tp === 'string' && !/^[0-9]+$/.test(tp)) {
      for (const m of isValidPortName(tp)) errs.push(fieldError('Invalid', [...at, 'targetPort'], m, tp));
    }
    if (p.nodePort !== undefined && p.nodePort !== null && p.nodePort !== 0 && (type === 'ClusterIP' || type === 'ExternalName')) {
      errs.push(fieldError('Forbidden', [...at, 'nodePort'], `may not be used when \`type\` is '${type}'`));
    }
  });
  return errs;
}
