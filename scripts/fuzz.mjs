// `npm run fuzz -- [--seed N] [--count N] [--seconds N] [--spawn-every N] [--json] [--show I]`
// `npm run fuzz -- --hostile [--scale 1]`: the hostile and huge inputs (test/fuzz/hostileInputs.ts)
// at full size — responsiveness of another file, features, CLI exits and peak RSS per input.
//
// the long, on-demand fuzz run of test/fuzz/fuzzHarness.ts (npm test runs a short one). Prints the
// figures and every distinct problem with an input that shows it; `--show I` prints input number I
// of the seed instead (to reproduce it or make it a regression test). Exits 1 when anything failed.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { runFuzz, summarize, fuzzInput } = require('../out/fuzz/fuzzHarness.js');
const { runHostile } = require('../out/fuzz/hostileProbe.js');

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    count: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '60' },
    'spawn-every': { type: 'string', default: '25' },
    json: { type: 'boolean', default: false },
    show: { type: 'string' },
    hostile: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
  },
});
if (values.hostile) {
  const scale = Number(values.scale);
  const r = await runHostile(scale, (l) => process.stderr.write(`${l}\n`));
  const rows = r.results.map((x) => ({
    input: x.name,
    MB: x.sizeMb,
    otherFileHoverMs: x.otherFileHoverMs,
    featureMaxMs: x.featureMaxMs,
    diagnostics: x.diagnostics.length,
    check: x.check.code,
    checkRssMb: x.check.peakRssMb,
    apply: x.apply.code,
    applyRssMb: x.apply.peakRssMb,
    says: (x.check.err || x.check.out).split('\n')[0].slice(0, 160),
  }));
  process.stdout.write(`${JSON.stringify({ scale, serverPeakRssMb: r.serverPeakRssMb, shown: r.shown, rows }, null, 2)}\n`);
  process.exit(0);
}
const num = (name, v) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} wants a whole number, got "${v}"\n`);
    process.exit(2);
  }
  return n;
};
const seed = num('seed', values.seed);
if (values.show !== undefined) {
  const input = fuzzInput(seed, num('show', values.show));
  process.stdout.write(`# ${input.fixture} + ${JSON.stringify(input.mutations)}\n# explain ${input.explain}\n${input.text}\n`);
  process.exit(0);
}
const opts = { seed, count: num('count', values.count), seconds: num('seconds', values.seconds), spawnEvery: num('spawn-every', values['spawn-every']) };
process.stderr.write(`fuzz: seed ${seed}, at most ${opts.count} inputs or ${opts.seconds} s\n`);
const report = await runFuzz({ ...opts, log: (l) => process.stderr.write(`${l}\n`) });
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  const { failures, ...figures } = report;
  process.stdout.write(`${JSON.stringify({ ...figures, failingInputs: failures.length }, null, 2)}\n`);
  for (const line of summarize(report)) process.stdout.write(`${line}\n`);
}
process.exit(report.failures.length ? 1 : 0);
