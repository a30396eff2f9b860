// Hostile and huge inputs (issue 12 §2) at a small scale (the full sizes: `npm run fuzz --
// --hostile`): the server stays up and answers a hover on another file within the latency
// budget while it has the hostile file open; a file above kubemate.maxFileSizeMB is left alone
// (one information message in the editor, a "skipped: … MB" line from the CLI); the CLI never
// crashes and says why it skipped what it skipped.
import { strict as assert } from 'node:assert';
import { runHostile, HostileResult } from './hostileProbe';
import { LATENCY_BUDGET_MS } from './serverProbe';

describe('hostile and huge inputs (scale 0.05)', function () {
  this.timeout(300_000);
  let results: HostileResult[] = [];
  let shown: string[] = [];

  before(async () => {
    const r = await runHostile(0.05);
    results = r.results;
    shown = r.shown;
  });

  const by = (prefix: string) => {
    const r = results.find((x) => x.name.includes(prefix));
    assert.ok(r, `no input named like ${prefix}`);
    return r;
  };

  it('another file stays responsive: a hover on it answers within the budget while each hostile file is open', () => {
    assert.equal(results.length, 11);
    assert.deepEqual(
      results
        .filter((r) => r.otherFileHoverMs >= LATENCY_BUDGET_MS || r.featureMaxMs >= LATENCY_BUDGET_MS)
        .map((r) => `${r.name}: ${r.otherFileHoverMs}/${r.featureMaxMs} ms`),
      [],
    );
  });

  it('the CLI exits 0, 1 or 2, never with a stack trace, and a failure says why', () => {
    for (const r of results)
      for (const [cmd, run] of [
        ['check', r.check],
        ['apply', r.apply],
      ] as const) {
        assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `${r.name} ${cmd}: exit ${run.code} ${run.err}`);
        assert.doesNotMatch(run.err + run.out, /\n\s+at |internal problem/, `${r.name} ${cmd}`);
        if (run.code !== 0) assert.ok((run.err + run.out).trim(), `${r.name} ${cmd}: exit ${run.code} without a message`);
      }
  });

  const table: [string, RegExp, RegExp | undefined][] = [
    // [input, what check/apply say, the editor's diagnostic]
    ['billion laughs', /yaml-syntax YAML syntax error: Excessive alias count/, /Excessive alias count/],
    ['MB manifest', /skipped: the file is 2\.5 MB, above the 2 MB limit for one file \(kubemate\.maxFileSizeMB\)/, undefined],
    ['binary file', /looks like a binary file, not YAML or JSON; skipped/, undefined],
    ['UTF-16 file', /UTF-16 text; KubeMate reads UTF-8 manifests: save the file as UTF-8; skipped/, undefined],
    ['invalid UTF-8', /unknown-field Unknown field "met\uFFFD/, /Unknown field "met\uFFFD/],
  ];
  for (const [name, cli, editor] of table) {
    it(`${name}: the CLI says ${cli.source.slice(0, 60)}…`, () => {
      const r = by(name);
      assert.match(r.check.out + r.check.err, cli);
      if (editor)
        assert.ok(
          r.diagnostics.some((d) => editor.test(String(d.message))),
          JSON.stringify(r.diagnostics.map((d) => d.message)),
        );
    });
  }

  it('a file above the limit gets one information message in the editor and no diagnostics', () => {
    assert.equal(by('MB manifest').diagnostics.length, 0);
    assert.deepEqual(
      shown.filter((m) => /maxFileSizeMB/.test(m)),
      ['input-4.yaml is 2.5 MB, above the 2 MB limit (kubemate.maxFileSizeMB): KubeMate leaves this file alone — no checks, hover, completion or outline.'],
    );
  });

  it('BOM and CRLF files read as the same manifest (same findings as the plain file)', () => {
    const codes = (r: HostileResult) => r.diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort();
    assert.ok(by('UTF-8 BOM').diagnostics.length > 0);
    assert.deepEqual(codes(by('CRLF')), codes(by('UTF-8 BOM')));
    assert.equal(by('UTF-8 BOM').check.code, 0);
    assert.equal(by('CRLF').apply.code, 0);
  });
});
