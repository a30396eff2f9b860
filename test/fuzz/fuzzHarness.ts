// The fuzz harness (issue 12 §1): fast-check generates, from a seed, a lazy stream of inputs made of one of the
// project's own manifests (test/fixtures, examples/) and a list of mutations, plus request
// positions, incremental edits and an `explain` path; each input goes through the built language
// server and the CLI. Every run with the same seed and count tries the same inputs in the same
// order. Problems are collected (not thrown), so one run reports all it finds.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyMutations, editTextArb, Mutation, mutationArb } from './mutations';
import { Problem, ServerInput, ServerProbe } from './serverProbe';
import { CliProbe } from './cliProbe';
import { serverPath } from '../helpers/lspClient';

export interface FuzzOptions {
  seed: number;
  /** At most this many inputs. */
  count: number;
  /** Stop generating new inputs after this long. */
  seconds: number;
  /** Also run the real CLI process every n-th input (0: never). */
  spawnEvery: number;
  /** Progress lines (none when absent). */
  log?: (line: string) => void;
}

export interface FuzzFailure {
  index: number;
  fixture: string;
  mutations: Mutation[];
  problems: Problem[];
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  failures: FuzzFailure[];
  /** Problem counts by kind (crash, hang, slow, …). */
  byKind: Record<string, number>;
  server: { requests: number; p50: number; p99: number; max: number; starts: number; peakRssMb?: number };
  cli: { runs: number; p99: number; max: number };
  harnessPeakRssMb: number;
  seconds: number;
}

interface FuzzInput {
  fixture: number;
  mutations: Mutation[];
  positions: ServerInput['positions'];
  edits: ServerInput['edits'];
  documents: number[] | undefined;
  explain: [number, number];
}

const unit = fc.double({ min: 0, max: 1, noNaN: true });

const inputArb: fc.Arbitrary<FuzzInput> = fc.record({
  fixture: fc.nat(),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
  positions: fc.array(fc.record({ line: unit, character: unit }), { minLength: 5, maxLength: 10 }),
  edits: fc.array(fc.record({ at: unit, length: unit, text: editTextArb }), { maxLength: 3 }),
  documents: fc.option(fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  explain: fc.tuple(fc.nat(), fc.nat({ max: 3 })),
});

/** The project's own manifests, in a stable order. */
export function fixtureFiles(root = join(serverPath(), '..', '..')): { name: string; text: string }[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir).sort()) {
      const full = join(dir, n);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(n)) out.push(full);
    }
  };
  walk(join(root, 'test', 'fixtures'));
  walk(join(root, 'examples'));
  return out.map((f) => ({ name: relative(root, f), text: readFileSync(f, 'utf8') }));
}

/** `explain` argument from the text's own words: `deployment.spec.template` or nonsense. */
function explainPath(text: string, [start, length]: [number, number]): string {
  const words = text.match(/[A-Za-z][\w-]*/g) ?? ['pod'];
  return Array.from({ length: length + 1 }, (_, i) => words[(start + i) % words.length]).join('.');
}

const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]);
};

/** The inputs of a seed, lazily, in order. */
function inputStream(seed: number): fc.Stream<FuzzInput> {
  return fc.sample(fc.infiniteStream(inputArb), { seed, numRuns: 1 })[0];
}

/** Input number `index` of `seed` as text (to look at, or to turn into a regression test). */
export function fuzzInput(seed: number, index: number): { fixture: string; mutations: Mutation[]; text: string; explain: string } {
  const fixtures = fixtureFiles();
  const input = inputStream(seed).drop(index).getNthOrLast(0)!;
  const fixture = fixtures[input.fixture % fixtures.length];
  const text = applyMutations(fixture.text, input.mutations);
  return { fixture: fixture.name, mutations: input.mutations, text, explain: explainPath(text, input.explain) };
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const fixtures = fixtureFiles();
  const server = new ServerProbe();
  const cli = new CliProbe();
  const failures: FuzzFailure[] = [];
  const started = performance.now();
  let inputs = 0;
  let harnessPeak = 0;
  const escaped: Problem[] = [];
  const onRejection = (e: unknown) =>
    escaped.push({ kind: 'throw', where: 'unhandled rejection', detail: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.on('unhandledRejection', onRejection);
  try {
    // One lazy stream of inputs from the seed: the same seed gives the same inputs in the same order.
    for (const input of inputStream(opts.seed)) {
      if (inputs >= opts.count || performance.now() - started > opts.seconds * 1000) break;
      const index = inputs++;
      const fixture = fixtures[input.fixture % fixtures.length];
      const text = applyMutations(fixture.text, input.mutations);
      const problems = [
        ...(await server.run({ text, positions: input.positions, edits: input.edits, documents: input.documents })),
        ...(await cli.run({ text, explain: explainPath(text, input.explain), spawn: opts.spawnEvery > 0 && index % opts.spawnEvery === 0 })),
        ...escaped.splice(0),
      ];
      if (problems.length) {
        failures.push({ index, fixture: fixture.name, mutations: input.mutations, problems });
        opts.log?.(`input ${index} (${fixture.name}): ${problems.map((p) => `${p.kind} in ${p.where}`).join(', ')}`);
      }
      harnessPeak = Math.max(harnessPeak, process.memoryUsage().rss);
      if (index % 100 === 99) opts.log?.(`${index + 1} inputs, ${failures.length} failing, ${Math.round((performance.now() - started) / 1000)} s`);
    }
  } finally {
    process.off('unhandledRejection', onRejection);
  }
  const peakRssMb = server.peakRssMb();
  await server.stop();
  const byKind: Record<string, number> = {};
  for (const f of failures) for (const p of f.problems) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
  return {
    seed: opts.seed,
    inputs,
    failures,
    byKind,
    server: {
      requests: server.latencies.length,
      p50: percentile(server.latencies, 0.5),
      p99: percentile(server.latencies, 0.99),
      max: percentile(server.latencies, 1),
      starts: server.starts,
      peakRssMb,
    },
    cli: { runs: cli.latencies.length, p99: percentile(cli.latencies, 0.99), max: percentile(cli.latencies, 1) },
    harnessPeakRssMb: Math.round(harnessPeak / 1024 / 1024),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** One line per distinct problem (kind, place, first line of detail) with how often it happened. */
export function summarize(report: FuzzReport): string[] {
  const seen = new Map<string, { n: number; example: FuzzFailure }>();
  for (const f of report.failures)
    for (const p of f.problems) {
      const key = `${p.kind} in ${p.where}: ${p.detail.split('\n')[0].slice(0, 200)}`;
      const e = seen.get(key);
      if (e) e.n++;
      else seen.set(key, { n: 1, example: f });
    }
  return [...seen].map(([k, { n, example }]) => `${n}× ${k}\n   e.g. input ${example.index}: ${example.fixture} + ${JSON.stringify(example.mutations)}`);
}
