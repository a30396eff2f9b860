// Hostile and huge inputs (issue 12 §2), generated at run time — never committed. `scale` 1 is
// the issue's full size (50 MB manifest, 10 MB line, 10,000 levels, 100,000 `---`); the npm test
// run uses a small scale, the on-demand script (`npm run fuzz -- --hostile`) the full one.

export interface HostileInput {
  name: string;
  /** The file's bytes (what the CLI reads from disk). */
  bytes: Buffer;
}

const DEPLOYMENT = (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web-${i}}
  template:
    metadata:
      labels: {app: web-${i}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
`;

function manifestOf(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const d = DEPLOYMENT(i);
    parts.push(d);
    size += d.length + 4;
  }
  return parts.join('---\n');
}

const BILLION_LAUGHS = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata: {name: lol}',
  'data:',
  '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
]
  .concat('bcdefghi'.split('').map((c, i) => `  ${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .join('\n');

export function hostileInputs(scale: number): HostileInput[] {
  const mb = (n: number) => Math.max(1, Math.round(n * scale * 1024 * 1024));
  const depth = Math.max(10, Math.round(10_000 * scale));
  const small = DEPLOYMENT(0);
  return [
    { name: 'billion laughs (9 levels of 9 aliases)', bytes: Buffer.from(BILLION_LAUGHS + '\n') },
    {
      name: `${depth}-level flow nesting`,
      bytes: Buffer.from(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
    },
    {
      name: `${depth}-level block nesting`,
      bytes: Buffer.from(
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\n' +
          Array.from({ length: Math.min(depth, 2000) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') +
          ' v\n',
      ),
    },
    { name: `${Math.round(mb(50) / 1048576)} MB manifest`, bytes: Buffer.from(manifestOf(mb(50))) },
    {
      name: `${Math.round(mb(10) / 1048576)} MB single line`,
      bytes: Buffer.from(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: line}\ndata:\n  x: "${'x'.repeat(mb(10))}"\n`),
    },
    { name: 'binary file', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)) },
    {
      name: 'invalid UTF-8',
      bytes: Buffer.concat([Buffer.from(small.slice(0, 40)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(small.slice(40))]),
    },
    { name: 'UTF-8 BOM', bytes: Buffer.from('\ufeff' + small) },
    { name: 'UTF-16 file', bytes: Buffer.from('\ufeff' + small, 'utf16le') },
    { name: 'CRLF line ends', bytes: Buffer.from(small.replace(/\n/g, '\r\n')) },
    { name: `${Math.round(100_000 * scale)} × ---`, bytes: Buffer.from('---\n'.repeat(Math.max(10, Math.round(100_000 * scale)))) },
  ];
}

/** What an editor shows for the bytes: UTF-16 by its BOM, otherwise UTF-8 (invalid bytes become U+FFFD). */
export function editorText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
