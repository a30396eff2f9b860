// The string formats a CustomResourceDefinition's schema may name, checked as the API server's
// OpenAPI validation does (kube-openapi strfmt). Formats it does not know are not checked (the
// API server ignores them too); int32/int64/float/double belong to numbers and are not listed.
// Provenance: k8s.io/kube-openapi/pkg/validation/strfmt (default.go) — learnt, not copied.

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*\.?$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const MAC = /^([0-9a-f]{2}([:-]))([0-9a-f]{2}\2){4}[0-9a-f]{2}$|^([0-9a-f]{4}\.){2}[0-9a-f]{4}$/i;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const BYTE = /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Go durations (300ms, 1h30m) plus strfmt's d and w units. */
const DURATION = /^-?(\d+(\.\d+)?\s*(ns|us|µs|ms|s|m|h|d|w))+$/;

function isIpv6(v: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(v) || !v.includes(':')) return false;
  let s = v;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    if (!IPV4.test(s.slice(lastColon + 1))) return false;
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const parts = halves.flatMap(groups);
  if (parts.some((p) => !/^[0-9A-Fa-f]{1,4}$/.test(p))) return false;
  return halves.length === 2 ? parts.length < 8 : parts.length === 8;
}

function isCidr(v: string): boolean {
  const slash = v.indexOf('/');
  if (slash < 0) return false;
  const ip = v.slice(0, slash);
  const bits = v.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  const n = Number(bits);
  if (IPV4.test(ip)) return n <= 32;
  return isIpv6(ip) && n <= 128;
}

const CHECKS: Record<string, (v: string) => boolean> = {
  'date-time': (v) => DATE_TIME.test(v),
  date: (v) => DATE.test(v),
  byte: (v) => BYTE.test(v.replace(/\s/g, '')),
  ipv4: (v) => IPV4.test(v),
  ipv6: isIpv6,
  cidr: isCidr,
  uuid: (v) => UUID.test(v),
  mac: (v) => MAC.test(v),
  hostname: (v) => HOSTNAME.test(v),
  duration: (v) => DURATION.test(v),
};

/** Does `value` have the format (true for a format that is not checked)? */
export function matchesFormat(format: string, value: string): boolean {
  const check = CHECKS[format];
  return !check || check(value);
}
