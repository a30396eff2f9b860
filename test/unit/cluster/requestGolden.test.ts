// Golden request scenarios: test/golden/requests/<name>.input.yaml → <name>.output.txt.
// The Kubernetes documents are applied in order; a `kind: Request` document sends a request
// (target, from, fromOutside, count, namespace) and writes its text trace and its JSON; a
// `kind: Step` document with `action: readiness` (index into the pod list, ready) makes a pod's
// readiness fail or pass; `kind: Step` with `action: apply` applies the documents so far and
// prints kubectl's lines (a CRD must be in before its custom resources). Run with UPDATE_GOLDEN=1 to rewrite the expected outputs.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Simulator } from '../../../server/src/cluster/simulator';
import { applyVerb } from '../../../server/src/kubectl/verbs/apply';
import { readinessVerb } from '../../../server/src/kubectl/verbs/readiness';
import { requestVerb } from '../../../server/src/kubectl/verbs/request';

const DIR = join(process.cwd(), 'test', 'golden', 'requests');

export function runRequestScenario(text: string): string {
  const sim = Simulator.create();
  const out: string[] = [];
  let pending: Record<string, unknown>[] = [];
  const flush = () => {
    if (!pending.length) return [];
    const r = applyVerb(
      sim,
      pending.map((obj, i) => ({ obj, source: { file: 'input.yaml', line: i + 1 } })),
    );
    pending = [];
    return r.lines.map((l) => l.text);
  };
  for (const d of parseAllDocuments(text)) {
    const v = d.toJS() as Record<string, unknown> | null;
    if (!v) continue;
    if (v.kind === 'Request') {
      flush();
      const opts = {
        fromPod: v.from as string | undefined,
        fromOutside: v.fromOutside === true,
        namespace: String(v.namespace ?? 'default'),
        count: Number(v.count ?? 1),
        method: v.method as string | undefined,
        headers: v.headers as Record<string, string> | undefined,
      };
      const flags = [
        v.from ? `--from ${v.from}` : '',
        v.fromOutside ? '--from-outside' : '',
        v.count ? `--count ${v.count}` : '',
        v.namespace ? `-n ${v.namespace}` : '',
        v.method ? `-X ${v.method}` : '',
        ...Object.entries((v.headers ?? {}) as Record<string, string>).map(([k, x]) => `-H '${k}: ${x}'`),
      ]
        .filter(Boolean)
        .join(' ');
      out.push(`$ kubemate request ${v.target}${flags ? ' ' + flags : ''}`);
      const text = requestVerb(sim, String(v.target), { ...opts, output: 'text' });
      out.push(...text.lines.map((l) => l.text), `(exit ${text.ok ? 0 : 1})`, '');
      out.push(...requestVerb(sim, String(v.target), { ...opts, output: 'json' }).lines.map((l) => l.text), '');
    } else if (v.kind === 'Step' && v.action === 'apply') {
      out.push('$ kubemate apply -f input.yaml', ...flush(), '');
    } else if (v.kind === 'Step' && v.action === 'readiness') {
      flush();
      const pod = sim.snapshot().pods[Number(v.index ?? 0)];
      readinessVerb(sim, pod.namespace, pod.name, v.ready === true);
      out.push(`# readiness of ${pod.name}: ${v.ready === true ? 'passes' : 'fails'}`, '');
    } else pending.push(v);
  }
  return out.join('\n') + '\n';
}

describe('cluster/network golden request scenarios', () => {
  const inputs = existsSync(DIR)
    ? readdirSync(DIR)
        .filter((f) => f.endsWith('.input.yaml'))
        .sort()
    : [];
  it('has scenarios', () => assert.ok(inputs.length >= 3, `found ${inputs.length}`));
  for (const file of inputs) {
    it(file.replace('.input.yaml', ''), () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const actual = runRequestScenario(text);
      assert.equal(runRequestScenario(text), actual, 'a second run must be byte-identical');
      const expectedPath = join(DIR, file.replace('.input.yaml', '.output.txt'));
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, actual);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`${expectedPath} did not exist; written. Review it and run again.`);
        return;
      }
      assert.equal(actual, readFileSync(expectedPath, 'utf8'));
    });
  }
});
