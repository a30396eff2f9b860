import { strict as assert } from 'node:assert';
import { loadSchema } from '../../server/src/schema/schema';
import { docsCoverage } from '../../server/src/schema/docsCoverage';
import { learningNotes } from '../../server/src/schema/notes/learningNotes';
import { enumValueNote, enumValueFields } from '../../server/src/schema/notes/enumValues';
import { zhCnDocs } from '../../server/src/schema/docs/zhCN';
import { enSupplementDocs } from '../../server/src/schema/docs/enSupplement';

describe('Chinese docs and learning notes', () => {
  const c = docsCoverage(loadSchema());
  it('cover every non-status field of the 28 core kinds', () => {
    assert.equal(c.kinds, 28);
    assert.deepEqual(c.missing, []);
    assert.ok(c.fields > 1000, `only ${c.fields} fields walked`);
  });
  it('cover every status field of the core kinds (phase, conditions, containerStatuses …)', () => {
    assert.deepEqual(c.statusMissing, []);
    assert.ok(c.statusFields >= 250, `only ${c.statusFields} status fields walked`);
    assert.equal(c.statusZhCN, c.statusFields);
  });
  it('give every value of every enum field a meaning in both languages', () => {
    assert.deepEqual(c.enumMissing, []);
    assert.ok(c.enumFields >= 65, `only ${c.enumFields} enum fields counted`);
    assert.ok(c.enumValues >= 300, `only ${c.enumValues} enum values counted`);
  });
  it('have English text for every field `--lang en` can show', () => {
    assert.deepEqual(c.enMissing, []);
  });
  it('have no entries for fields the schema does not have', () => {
    assert.deepEqual(c.stale, []);
  });
  it('are written in Chinese (no empty or English-only entries)', () => {
    const bad: string[] = [];
    for (const [type, fields] of Object.entries(zhCnDocs())) {
      for (const [field, text] of Object.entries(fields)) if (!/[\u4e00-\u9fff]/.test(text)) bad.push(`${type}.${field}`);
    }
    assert.deepEqual(bad, []);
  });
  it('our English supplement is English and only fills gaps upstream leaves', () => {
    const docs = loadSchema();
    const bad: string[] = [];
    for (const [type, fields] of Object.entries(enSupplementDocs())) {
      for (const [field, text] of Object.entries(fields)) {
        if (/[\u4e00-\u9fff]/.test(text) || !/[a-z]{3}/.test(text) || !docs.type(type)?.fields[field]) bad.push(`${type}.${field}`);
      }
    }
    assert.deepEqual(bad, []);
  });
  it('value meanings are bilingual', () => {
    const bad: string[] = [];
    for (const [type, field, values] of enumValueFields()) {
      for (const v of values) {
        const n = enumValueNote(type, field, v)!;
        if (!/[\u4e00-\u9fff]/.test(n.zhCn) || /[\u4e00-\u9fff]/.test(n.en) || !/[a-z]{3}/.test(n.en)) bad.push(`${type}.${field}=${v}`);
      }
    }
    assert.deepEqual(bad, []);
  });
  const signals: [string, string, RegExp | undefined][] = [
    ['core.v1.Lifecycle', 'SIGTERM', /优雅退出/],
    ['core.v1.ContainerStatus', 'SIGRTMIN+3', /实时信号 RTMIN\+3/],
    ['core.v1.Lifecycle', 'SIGRTMAX-14', /实时信号 RTMAX-14/],
    ['core.v1.Lifecycle', 'SIGRTMIN-1', undefined],
    ['core.v1.Lifecycle', 'SIGNOPE', undefined],
  ];
  for (const [type, value, want] of signals) {
    it(`stop signal ${value} on ${type}: ${want ? 'explained' : 'unknown'}`, () => {
      const n = enumValueNote(type, 'stopSignal', value);
      if (want) assert.match(n!.zhCn, want);
      else assert.equal(n, undefined);
    });
  }
  it('include at least 150 learning notes, each in both languages with a page', () => {
    assert.ok(c.notes >= 150, `${c.notes} notes`);
    const bad: string[] = [];
    for (const [type, fields] of Object.entries(learningNotes())) {
      for (const [field, n] of Object.entries(fields)) {
        if (!/[\u4e00-\u9fff]/.test(n.zhCn) || !/[a-z]{3}/.test(n.en) || !/^[a-z0-9-]+(\/[a-z0-9-]+)*\/$/.test(n.page)) bad.push(`${type}.${field}`);
      }
    }
    assert.deepEqual(bad, []);
  });
});
