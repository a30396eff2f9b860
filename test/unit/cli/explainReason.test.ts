import { strict as assert } from 'node:assert';
import { runCli } from '../../../server/src/cli/main';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), cwd: process.cwd() }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kubemate explain reason', () => {
  const cases: [args: string[], code: number, stream: 'out' | 'err', want: RegExp][] = [
    [
      ['explain', 'reason', 'CrashLoopBackOff', '--lang', 'zh-cn'],
      0,
      'out',
      /^CrashLoopBackOff — 容器反复崩溃[\s\S]*怎么办：[\s\S]*--previous[\s\S]*出现在：容器状态/,
    ],
    [['explain', 'reason', 'OOMKilled', '--lang', 'en'], 0, 'out', /^OOMKilled — Killed for exceeding its memory limit[\s\S]*exit code `137`/],
    [['explain', 'reason', 'FailedScheduling', '--lang', 'both'], 0, 'out', /(?=[\s\S]*调度失败)(?=[\s\S]*Scheduling failed)/],
    [['explain', 'reason', 'imagepullbackoff', '--lang', 'en'], 0, 'out', /^ImagePullBackOff — /],
    [['explain', 'reason', '--lang', 'zh-cn'], 0, 'out', /CrashLoopBackOff +容器反复崩溃[\s\S]*查看某一个/],
    [['explain', 'reason', 'CrashLoop', '--lang', 'zh-cn'], 2, 'err', /没有关于原因“CrashLoop”的说明。你是不是想找“CrashLoopBackOff”？/],
    [['explain', 'reason', 'Nope', '--lang', 'en'], 2, 'err', /No explanation for the reason "Nope"/],
  ];
  for (const [args, code, stream, want] of cases) {
    it(`${args.join(' ')} → ${code}`, async () => {
      const r = await run(args);
      assert.equal(r.code, code, r.err);
      assert.match(r[stream], want);
    });
  }
  it('-o json carries both languages', async () => {
    const r = await run(['explain', 'reason', 'Evicted', '-o', 'json']);
    const j = JSON.parse(r.out);
    assert.equal(j.reason, 'Evicted');
    assert.match(j['zh-cn'].title, /驱逐/);
    assert.match(j.en.title, /evicted/);
  });
  it("zh-cn glosses kubectl explain's headings, keeping kubectl's words and the value column aligned", async () => {
    const r = await run(['explain', 'deployment.spec.replicas', '--lang', 'zh-cn']);
    assert.match(
      r.out,
      /^KIND（资源类型）： {4}Deployment\nVERSION（API 版本）： apps\/v1\n\nFIELD（字段）： {7}spec\.replicas <integer>\n\nDEFAULT（默认值）： {3}1\n\nDESCRIPTION（说明）：\n/,
    );
  });
  it('a kind is still explained as before', async () => {
    const r = await run(['explain', 'deployment.spec.replicas', '--lang', 'en']);
    assert.equal(r.code, 0);
    assert.match(r.out, /FIELD: +spec\.replicas <integer>/);
  });
});
