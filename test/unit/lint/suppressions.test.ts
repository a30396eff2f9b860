// Suppression comments: which lines, documents and files each form covers.
import { strict as assert } from 'node:assert';
import { filterSuppressed, parseSuppressions, isSuppressed, suppressed } from '../../../server/src/features/lint/suppressions';
import { base64ErrorOffset } from '../../../server/src/k8s/base64ErrorOffset';
import { rowsOf } from './lintHelper';

const podWith = (field: string, head = '') =>
  `${head}apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  ${field}: true\n  containers: [{name: a, image: "a:1"}]\n`;

describe('suppressions', () => {
  it('next-line applies to the next line that is not blank or a comment', () => {
    const text = '# kubemate-disable-next-line host-pid\n\n# why: debugging\nhostPID: true\nhostIPC: true\n';
    const s = parseSuppressions(text);
    assert.equal(isSuppressed(s, 3, 'host-pid'), true);
    assert.equal(isSuppressed(s, 4, 'host-pid'), false);
    assert.equal(isSuppressed(s, 3, 'host-ipc'), false);
  });

  it('takes several ids (comma or space separated) and ignores a reason after --', () => {
    const s = parseSuppressions('# kubemate-disable-next-line host-pid, host-ipc host-network -- node agent\nspec: {}\n');
    for (const id of ['host-pid', 'host-ipc', 'host-network']) assert.equal(isSuppressed(s, 1, id), true, id);
    assert.equal(isSuppressed(s, 1, 'node'), false);
  });

  it('without ids silences every code except YAML syntax errors', () => {
    const s = parseSuppressions('# kubemate-disable-next-line\nspec: {}\n');
    assert.equal(isSuppressed(s, 1, 'anything'), true);
    assert.equal(isSuppressed(s, 1, 'yaml-syntax'), false);
  });

  it('disable-line at the end of a line applies to that line', () => {
    const s = parseSuppressions('a: 1\nimage: nginx  # kubemate-disable-line image-latest-tag\n');
    assert.equal(isSuppressed(s, 1, 'image-latest-tag'), true);
    assert.equal(isSuppressed(s, 0, 'image-latest-tag'), false);
  });

  it('# kubemate-disable in the leading comments covers the whole file, even across ---', () => {
    const text = '# my app\n# kubemate-disable host-pid\n---\n' + podWith('hostPID') + '---\n' + podWith('hostPID');
    assert.deepEqual(rowsOf(text, 'host-pid'), []);
  });

  it('# kubemate-disable opening a later document covers only that document', () => {
    const text = podWith('hostPID') + '---\n# kubemate-disable host-pid\n' + podWith('hostPID') + '---\n' + podWith('hostPID');
    assert.deepEqual(rowsOf(text, 'host-pid'), ['6:12', '23:12']);
  });

  it('# kubemate-disable below the first content line of a document is ignored', () => {
    const text = podWith('hostPID').replace('metadata:', '# kubemate-disable host-pid\nmetadata:');
    assert.deepEqual(rowsOf(text, 'host-pid'), ['7:12']);
  });

  it("the exported helpers work on any feature's diagnostics", () => {
    const text = 'a: 1\n# kubemate-disable-next-line missing-configmap\nb: 2\n';
    assert.equal(suppressed(text, 2, 'missing-configmap'), true);
    const diags = [
      { code: 'missing-configmap', range: { start: { line: 2 } } },
      { code: 'missing-secret', range: { start: { line: 2 } } },
    ];
    assert.deepEqual(
      filterSuppressed(text, diags).map((d) => d.code),
      ['missing-secret'],
    );
  });

  it('CRLF files work', () => {
    assert.deepEqual(rowsOf(podWith('hostPID').replace(/\n/g, '\r\n'), 'host-pid'), ['6:12']);
    const text = podWith('hostPID').replace('  hostPID', '  # kubemate-disable-next-line host-pid\n  hostPID').replace(/\n/g, '\r\n');
    assert.deepEqual(rowsOf(text, 'host-pid'), []);
  });
});

describe('base64 errors as the API server reports them (Go encoding/base64)', () => {
  const cases: [string, number | undefined][] = [
    ['aGVsbG8=', undefined],
    ['', undefined],
    ['aGVs\nbG8=', undefined],
    ['hello', 4],
    ['hello world', 5],
    ['abc', 0],
    ['YQ=', 3],
    ['YQ==YQ==', 4],
    ['=abc', 0],
    ['a===', 1],
    ['REPLACE_WITH_BASE64_CERT', 7],
    ['aGVsbG8=\n', undefined],
    ['密码', 0],
  ];
  for (const [input, at] of cases) it(`${JSON.stringify(input)} → ${at ?? 'ok'}`, () => assert.equal(base64ErrorOffset(input), at));
});
