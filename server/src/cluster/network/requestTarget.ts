// The forms `kubemate request` accepts: `http://<svc>[.<ns>[.svc.cluster.local]]:<port>/<path>`,
// `<svc>:<port>`, `<node-ip>:<nodePort>`, an Ingress host + path (`blog.example.com/route2`),
// a pod or Service IP. Parsed into host, port and path; what the host is gets decided later
// (cluster DNS, an IP, an Ingress host).
import { t } from '../../util/l10n';

export interface RequestTarget {
  scheme: 'http' | 'https';
  host: string;
  /** Undefined: the scheme's default port was used. */
  port: number;
  portGiven: boolean;
  path: string;
}

export const CLUSTER_DOMAIN = 'cluster.local';

const TARGET = /^(?:(https?):\/\/)?([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\d{1,5}))?(\/[^\s?#]*)?(?:[?#]\S*)?$/;

export function isIPv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return !!m && m.slice(1).every((x) => +x <= 255);
}

/** The target, or a localised message saying what is wrong with it. */
export function parseRequestTarget(text: string): RequestTarget | { problem: string } {
  const m = TARGET.exec(text.trim());
  const example = t('Write it like http://web:80/path, web.default:80, 172.18.0.3:30080 or blog.example.com/route2.');
  if (!m) return { problem: t('"{0}" is not a request target. {1}', text, example) };
  const scheme = (m[1] ?? 'http') as 'http' | 'https';
  const port = m[3] === undefined ? (scheme === 'https' ? 443 : 80) : Number(m[3]);
  if (port < 1 || port > 65535) return { problem: t('Port {0} of "{1}" is outside 1-65535. {2}', m[3], text, example) };
  return { scheme, host: m[2].toLowerCase(), port, portGiven: m[3] !== undefined, path: m[4] ?? '/' };
}
