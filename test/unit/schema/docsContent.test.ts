// Facts the docs must state (issue 14's review): each row is a field, a phrase its Chinese docs
// or learning note must contain, and one they must not.
import { strict as assert } from 'node:assert';
import { zhCnDescription } from '../../../server/src/schema/docs/zhCN';
import { learningNote } from '../../../server/src/schema/notes/learningNotes';
import { enumValueNote } from '../../../server/src/schema/notes/enumValues';

const rows: [what: string, text: () => string, must: RegExp, mustNot?: RegExp][] = [
  ['Container.command: $(VAR) expansion', () => zhCnDescription('core.v1.Container', 'command')!, /\$\(VAR_NAME\)[\s\S]*\$\$\(VAR_NAME\)/],
  ['Container.command: immutable once the pod exists', () => zhCnDescription('core.v1.Container', 'command')!, /Pod 创建后不能修改/],
  ['Container.command note: only $(VAR) without a shell', () => learningNote('core.v1.Container', 'command')!.en, /only the `\$\(VAR\)` form is expanded/],
  [
    'DaemonSet maxSurge: exactly one of the two non-zero',
    () => zhCnDescription('apps.v1.RollingUpdateDaemonSet', 'maxSurge')!,
    /恰好一个非 0[\s\S]*maxUnavailable: 0/,
  ],
  ['DaemonSet maxUnavailable: write 0 to use maxSurge', () => zhCnDescription('apps.v1.RollingUpdateDaemonSet', 'maxUnavailable')!, /必须显式写 `0`/],
  [
    'podManagementPolicy: no "scaling only" claim',
    () => zhCnDescription('apps.v1.StatefulSetSpec', 'podManagementPolicy')!,
    /按批次/,
    /只影响扩缩容，不影响滚动更新/,
  ],
  [
    'StatefulSet maxUnavailable note: works with OrderedReady, in batches',
    () => learningNote('apps.v1.RollingUpdateStatefulSetStrategy', 'maxUnavailable')!.zhCn,
    /两种 `podManagementPolicy` 下都生效/,
    /可能不起作用/,
  ],
  [
    'Parallel value agrees with both',
    () => enumValueNote('apps.v1.StatefulSetSpec', 'podManagementPolicy', 'Parallel')!.zhCn,
    /maxUnavailable/,
    /不影响滚动更新/,
  ],
  ['targetContainerName: no metaphor', () => zhCnDescription('core.v1.EphemeralContainer', 'targetContainerName')!, /进程命名空间/, /附身/],
  [
    'HPA notes link the moved concept page',
    () => learningNote('autoscaling.v2.HorizontalPodAutoscalerSpec', 'scaleTargetRef')!.page,
    /^concepts\/workloads\/autoscaling\/horizontal-pod-autoscale\/$/,
  ],
];

describe("docs content: the review's corrections stay corrected", () => {
  for (const [what, text, must, mustNot] of rows) {
    it(what, () => {
      const s = text();
      assert.match(s, must);
      if (mustNot) assert.doesNotMatch(s, mustNot);
    });
  }
});
