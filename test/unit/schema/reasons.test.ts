import { strict as assert } from 'node:assert';
import { explainReason, findReason, reasonKeyOf, reasonNames } from '../../../server/src/schema/reasons';

describe('reason explainer (schema/reasons)', () => {
  // The reasons a learner meets, keyed by the exact upstream string.
  const required = [
    'CrashLoopBackOff',
    'ImagePullBackOff',
    'ErrImagePull',
    'InvalidImageName',
    'OOMKilled',
    'CreateContainerConfigError',
    'FailedScheduling',
    'FailedMount',
    'BackoffLimitExceeded',
    'DeadlineExceeded',
    'ProgressDeadlineExceeded',
    'Evicted',
    'Preempted',
    'Unhealthy',
    'BackOff',
    'Completed',
    'Error',
    'ContainerCreating',
    'Terminating',
    'Pending',
    'Unschedulable',
    'Invalid',
    'Forbidden',
    'NotFound',
    'AlreadyExists',
    'Conflict',
    'BadRequest',
    'NoKindMatch',
  ];
  for (const reason of required) {
    it(`${reason}: explained in Chinese and English`, () => {
      const zh = explainReason(reason, 'zh-cn');
      const en = explainReason(reason, 'en');
      assert.ok(zh && en, `no entry for ${reason}`);
      assert.equal(zh.reason, reason);
      assert.match(zh.title + zh.meaning, /[\u4e00-\u9fff]/);
      assert.doesNotMatch(en.title + en.meaning + en.fix.join(''), /[\u4e00-\u9fff]/);
      assert.equal(zh.fix.length, en.fix.length, 'the same advice in both languages');
      assert.equal(zh.where, en.where);
    });
  }
  const keys: [string, string][] = [
    ['Init:CrashLoopBackOff', 'CrashLoopBackOff'],
    ['Init:0/2', 'PodInitializing'],
    ['OOMKilled', 'OOMKilled'],
  ];
  for (const [status, key] of keys) {
    it(`STATUS ${status} → ${key}`, () => assert.equal(reasonKeyOf(status), key));
  }
  it('unknown reasons have no entry; typed reasons match case-insensitively', () => {
    assert.equal(explainReason('NotAReason', 'en'), undefined);
    assert.equal(explainReason('toString', 'en'), undefined);
    assert.equal(findReason('crashloopbackoff'), 'CrashLoopBackOff');
    assert.equal(findReason('crashloop'), undefined);
  });
  it('has at least 45 entries, each with a title and meaning in both languages', () => {
    const names = reasonNames();
    assert.ok(names.length >= 45, `${names.length} reasons`);
    assert.deepEqual(
      names.filter((n) => !explainReason(n, 'zh-cn')?.title || !explainReason(n, 'en')?.meaning),
      [],
    );
  });
  it('returns a copy: callers cannot change the table', () => {
    explainReason('CrashLoopBackOff', 'en')!.fix.push('x');
    assert.ok(!explainReason('CrashLoopBackOff', 'en')!.fix.includes('x'));
  });
});
