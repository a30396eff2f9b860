// The scheduler's Service selector index (cluster/scheduler/serviceSelectors) against testing every
// Service of the namespace: random Services (several selector pairs, empty and missing selectors,
// two namespaces, non-string values) and random pod labels; same Services, same (store) order.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ServiceSelectors } from '../../../server/src/cluster/scheduler/serviceSelectors';
import type { KObject } from '../../../server/src/cluster/types';

const KEYS = ['app', 'tier', 'env'];
const VALUES = ['a', 'b', 'c'];
const NAMESPACES = ['default', 'team'];

const labels = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 3 });
const selector = fc.oneof(labels, fc.constant(undefined), fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom<unknown>(1, true, 'a'), { maxKeys: 2 }));
const service = fc.record({ namespace: fc.option(fc.constantFrom(...NAMESPACES), { nil: undefined }), selector });

/** upstream's way: every Service of the namespace whose (non-empty) selector matches. */
function scan(services: KObject[], ns: string, l: Record<string, string> | undefined): KObject[] {
  return services.filter((s) => {
    const sel = s.spec?.selector as Record<string, unknown> | undefined;
    if (!sel || Object.keys(sel).length === 0 || (s.metadata.namespace ?? 'default') !== ns) return false;
    return Object.entries(sel).every(([k, v]) => (l ?? {})[k] === String(v));
  });
}

describe('cluster/scheduler ServiceSelectors = testing every Service (property)', () => {
  it('selecting(namespace, labels) returns the matching Services in store order', () => {
    fc.assert(
      fc.property(fc.array(service, { maxLength: 40 }), fc.array(fc.option(labels, { nil: undefined }), { minLength: 1, maxLength: 8 }), (specs, probes) => {
        const services: KObject[] = specs.map((s, i) => ({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: `s${i}`, ...(s.namespace ? { namespace: s.namespace } : {}) },
          spec: s.selector === undefined ? {} : { selector: s.selector },
        }));
        const index = new ServiceSelectors(services);
        for (const ns of NAMESPACES)
          for (const l of probes) {
            const got = index.selecting(ns, l);
            assert.deepEqual(
              got.map((p) => p.service.metadata.name),
              scan(services, ns, l).map((s) => s.metadata.name),
            );
            for (const p of got)
              assert.deepEqual(
                p.pairs,
                Object.entries(p.service.spec.selector).map(([k, v]) => [k, String(v)]),
              );
          }
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
