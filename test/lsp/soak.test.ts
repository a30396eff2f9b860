// The short soak (the long one is `npm run soak`): typing in the 40 KB two-version CRD must not
// keep a parsed tree per edit. Before the chunk cache was an LRU bounded by text size, each edit
// kept ~0.4 MiB (24 MiB per 60 edits); the heap after GC must now stay within the bound below.
import { strict as assert } from 'node:assert';
import { runSoak } from '../helpers/soak';

describe('language server soak (short)', function () {
  this.timeout(120000);

  it('keeps the heap flat while the CRD is edited, with nothing on stderr', async () => {
    const r = await runSoak({ edits: 110, checkpoints: [50, 110], editFiles: ['database-crd.yaml'] });
    const [warm, end] = r.checkpoints.map((c) => c.heapUsedMiB);
    assert.ok(end - warm < 8, `heap grew ${(end - warm).toFixed(1)} MiB over 60 edits (from ${warm.toFixed(1)} to ${end.toFixed(1)} MiB)`);
    assert.equal(r.stderr, '');
  });
});
