// The short, fixed-seed fuzz run inside `npm test` (the long one: `npm run fuzz`). Any problem it
// finds is printed with the input that shows it; fix it and add a regression test for that input.
import { strict as assert } from 'node:assert';
import { runFuzz, summarize } from './fuzzHarness';
import { LATENCY_BUDGET_MS } from './serverProbe';

describe('fuzz (short run, seed 12)', function () {
  this.timeout(120_000);

  it('the server and the CLI survive mutated fixtures: no crash, hang, error, stack trace or slow answer', async () => {
    // A count, not a time: the same inputs on a fast and a slow machine (about 4 s here); the time is only a cap.
    const report = await runFuzz({ seed: 12, count: 15, seconds: 60, spawnEvery: 10 });
    assert.equal(report.inputs, 15);
    assert.deepEqual(summarize(report), []);
    assert.ok(report.server.max < LATENCY_BUDGET_MS, `slowest answer ${report.server.max} ms`);
    assert.equal(report.server.starts, 1, 'the server was restarted');
  });
});
