// kubectl's `-l` selector strings: [selector, labels, selected?] rows, and the strings it refuses.
import { strict as assert } from 'node:assert';
import { parseSelectorString } from '../../../server/src/k8s/selectorString';
import { labelSelectorMatches } from '../../../server/src/k8s/labels';

const WEB = { app: 'web', tier: 'front' };
const MATCHES: [string, Record<string, string>, boolean][] = [
  ['app=web', WEB, true],
  ['app==web', WEB, true],
  ['app=db', WEB, false],
  ['app=web,tier=front', WEB, true],
  ['app=web, tier=back', WEB, false],
  ['app!=db', WEB, true],
  ['app!=web', WEB, false],
  ['canary!=true', WEB, true],
  ['app in (web,db)', WEB, true],
  ['app in (db, cache)', WEB, false],
  ['app notin (db)', WEB, true],
  ['tier notin (front,back)', WEB, false],
  ['app', WEB, true],
  ['canary', WEB, false],
  ['!canary', WEB, true],
  ['!app', WEB, false],
  ['app=web,app=db', WEB, false],
  ['empty=', { empty: '' }, true],
  ['empty=', WEB, false],
  ['', WEB, true],
];
const REFUSED: [string, RegExp][] = [
  ['app in', /^unable to parse requirement: found '', expected: '\('$/],
  ['app in (web', /^unable to parse requirement: found '', expected: ',' or '\)'$/],
  ['app=web,', /^unable to parse requirement: found '', expected: identifier$/],
  ['=web', /^unable to parse requirement: found '=', expected: identifier$/],
  ['app web', /^unable to parse requirement: found 'web', expected: '=', '!=', '==', 'in', 'notin'$/],
  ['!', /^unable to parse requirement: found '', expected: identifier$/],
];

describe('label selector strings (-l)', () => {
  for (const [text, labels, selected] of MATCHES) {
    it(`${JSON.stringify(text)} ${selected ? 'selects' : 'does not select'} ${JSON.stringify(labels)}`, () => {
      const r = parseSelectorString(text);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(labelSelectorMatches(r.selector, labels), selected);
    });
  }
  for (const [text, error] of REFUSED) {
    it(`${JSON.stringify(text)} is refused`, () => {
      const r = parseSelectorString(text);
      assert.ok(!r.ok);
      assert.match(r.error, error);
    });
  }
});
