import { strict as assert } from 'node:assert';
import { loadSchema } from '../../server/src/schema/schema';
import { docsCoverage } from '../../server/src/schema/docsCoverage';
import { learningNotes } from '../../server/src/schema/notes/learningNotes';
import { zhCnDocs } from '../../server/src/schema/docs/zhCN';

describe('Chinese docs and learning notes', () => {
  const c = docsCoverage(loadSchema());
  it('cover every non-status field of the 28 core kinds', () => {
    assert.equal(c.kinds, 28);
    assert.deepEqual(c.missing, []);
    assert.ok(c.fields > 1000, `only ${c.fields} fields walked`);
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
