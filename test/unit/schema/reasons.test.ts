import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
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
    // what the disruptions, the CronJob, PDB, HPA and PVC controllers and kubelet admission write
    'Failed',
    'InspectFailed',
    'TaintManagerEviction',
    'DeletionByTaintManager',
    'EvictionByEvictionAPI',
    'PreemptionByScheduler',
    'NoPods',
    'CalculateExpectedPodCountFailed',
    'SufficientPods',
    'InsufficientPods',
    'ProvisioningSucceeded',
    'SuccessfulRescale',
    'FailedGetScale',
    'FailedGetResourceMetric',
    'SawCompletedJob',
    'JobAlreadyActive',
    'MissingJob',
    'MissSchedule',
    'UnparseableSchedule',
    'UnknownTimeZone',
    'OutOfcpu',
    'OutOfmemory',
    'NodeNotSchedulable',
    'FailedToRetrieveImagePullSecret',
    'ContainersNotReady',
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
  it('every reason the simulator writes in the golden scenarios (events, conditions, states) is explained', () => {
    const seen = new Set<string>();
    for (const f of readdirSync('test/golden').filter((n) => n.endsWith('.output.json')))
      for (const m of readFileSync(`test/golden/${f}`, 'utf8').matchAll(/"reason": *"([A-Za-z]+)"/g)) seen.add(m[1]);
    assert.ok(seen.size > 30, `only ${seen.size} reasons in the goldens`);
    assert.deepEqual([...seen].filter((r) => !explainReason(r, 'en')).sort(), []);
  });

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
