// Kubernetes resource.Quantity: parsing and plain-words rendering.
// upstream: apimachinery pkg/api/resource/quantity.go (ParseQuantity, suffix tables).
import { t } from '../util/l10n';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** `<signedNumber><suffix>`: decimal digits with at most one dot, then a binary SI, decimal SI or exponent suffix. */
const STRICT = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

export interface ParsedQuantity {
  /** Value in base units: cores for cpu, bytes for memory. */
  value: number;
  suffix: string;
}

export function parseQuantityDetailed(input: string | number): ParsedQuantity | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { value: input, suffix: '' } : undefined;
  if (typeof input !== 'string') return undefined;
  const m = STRICT.exec(input);
  if (!m) return undefined;
  const num = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return { value: num * BINARY[suffix], suffix };
  if (suffix in DECIMAL) return { value: num * DECIMAL[suffix], suffix };
  return { value: num * 10 ** Number(suffix.slice(1)), suffix };
}

/** Value in base units (cpu `100m` → 0.1, memory `300Mi` → 314572800), or undefined when malformed. */
export function parseQuantity(input: string | number): number | undefined {
  return parseQuantityDetailed(input)?.value;
}

export function isValidQuantity(input: unknown): boolean {
  return (typeof input === 'string' || typeof input === 'number') && parseQuantityDetailed(input) !== undefined;
}

const BYTE_UNITS: [number, string][] = [
  [2 ** 50, 'PiB'],
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
];

function round(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Memory in plain words: 314572800 → "300 MiB (314,572,800 bytes)". */
export function describeBytes(bytes: number): string {
  const exact = bytes.toLocaleString('en-US');
  for (const [size, unit] of BYTE_UNITS) {
    if (bytes >= size) return t('{0} {1} ({2} bytes)', round(bytes / size), unit, exact);
  }
  return t('{0} bytes', round(bytes));
}

/** CPU in plain words: 0.1 → "0.1 CPU cores (100 millicores)". */
export function describeCpu(cores: number): string {
  return cores === 1 ? t('1 CPU core (1000 millicores)') : t('{0} CPU cores ({1} millicores)', round(cores), round(cores * 1000));
}
