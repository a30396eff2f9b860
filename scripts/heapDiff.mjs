// `node scripts/heapDiff.mjs before.heapsnapshot after.heapsnapshot [top]`: what grew between two
// V8 heap snapshots (e.g. `npm run soak -- --edits 2000 --snapshots DIR` writes them at edits
// 1,000 and 2,000), by constructor name: count and self size, largest growth first.
import { readFileSync } from 'node:fs';

function byConstructor(path) {
  const snap = JSON.parse(readFileSync(path, 'utf8'));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + iType]];
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const e = out.get(name) ?? { count: 0, bytes: 0 };
    e.count++;
    e.bytes += snap.nodes[i + iSize];
    out.set(name, e);
  }
  return out;
}

const [a, b, top = '20'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/heapDiff.mjs before.heapsnapshot after.heapsnapshot [top]');
  process.exit(2);
}
const before = byConstructor(a);
const after = byConstructor(b);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((name) => {
  const x = before.get(name) ?? { count: 0, bytes: 0 };
  const y = after.get(name) ?? { count: 0, bytes: 0 };
  return { name, count: y.count - x.count, bytes: y.bytes - x.bytes, total: y.count };
});
rows.sort((p, q) => q.bytes - p.bytes);
console.log(`${'constructor'.padEnd(40)} ${'Δcount'.padStart(10)} ${'ΔKiB'.padStart(10)} ${'count after'.padStart(12)}`);
for (const r of rows.slice(0, Number(top)))
  console.log(`${r.name.slice(0, 40).padEnd(40)} ${String(r.count).padStart(10)} ${(r.bytes / 1024).toFixed(1).padStart(10)} ${String(r.total).padStart(12)}`);
