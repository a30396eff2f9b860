// `npm run soak` — 20,000 edits through the built language server (see test/helpers/soak.ts),
// the heap after a full GC at checkpoints, and edit → diagnostics latency. Fails (exit 1) when
// the heap grows by more than GROWTH_LIMIT_MIB from edit 2,000 to the last edit.
// `--edits N` runs a shorter soak; `--snapshots DIR` writes heap snapshots at edits 1,000 and 2,000
// (compare them with `node scripts/heapDiff.mjs DIR/soak-1000.heapsnapshot DIR/soak-2000.heapsnapshot`).
import { runSoak } from '../test/helpers/soak';

const GROWTH_LIMIT_MIB = 32;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const edits = Number(arg('--edits') ?? 20000);
  const snapshotDir = arg('--snapshots');
  const checkpoints = [0, 1000, 2000];
  for (let n = 4000; n <= edits; n += 2000) checkpoints.push(n);
  if (!checkpoints.includes(edits)) checkpoints.push(edits);
  const t0 = Date.now();
  const r = await runSoak({
    edits,
    checkpoints,
    snapshotAt: snapshotDir ? [1000, 2000] : undefined,
    snapshotDir,
    onCheckpoint: (c) => console.log(`  edit ${String(c.edits).padStart(6)}: heap after GC ${c.heapUsedMiB.toFixed(1)} MiB`),
  });
  const at = (n: number) => r.checkpoints.find((c) => c.edits === n)?.heapUsedMiB ?? NaN;
  const base = at(Math.min(2000, edits));
  const growth = at(edits) - base;
  console.log(
    `  ${edits} edits in ${((Date.now() - t0) / 1000).toFixed(1)} s; edit → diagnostics p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, max ${r.latency.max.toFixed(1)} ms`,
  );
  console.log(`  heap growth from edit ${Math.min(2000, edits)} to ${edits}: ${growth.toFixed(1)} MiB (limit ${GROWTH_LIMIT_MIB} MiB)`);
  for (const s of r.snapshots) console.log(`  heap snapshot: ${s}`);
  if (r.stderr.trim()) console.log(`  server stderr:\n${r.stderr}`);
  if (!(growth < GROWTH_LIMIT_MIB) || r.stderr.trim()) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
