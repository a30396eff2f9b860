// Preloaded into a language server by `BENCH_SERVER_CPU=1 npm run bench` (node -r): records the
// process's CPU time (process.cpuUsage: every thread) at each chunk read from stdin and each write
// to stdout, with the start of the chunk, and every GC, and writes them as JSON to the file named by
// KUBEMATE_BENCH_PROBE when the server exits. The bench pairs a keystroke's didChange with its
// publish to get the server's own CPU per keystroke, whatever the machine's load does to wall time.
const { performance, PerformanceObserver } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const out = process.env.KUBEMATE_BENCH_PROBE;
if (out) {
  const events = [];
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const head = (chunk) => (typeof chunk === 'string' ? chunk.slice(0, 200) : Buffer.from(chunk).toString('utf8', 0, Math.min(chunk.length, 200)));
  const on = process.stdin.on.bind(process.stdin);
  process.stdin.on = process.stdin.addListener = (event, listener) =>
    on(
      event,
      event === 'data'
        ? (chunk) => {
            events.push(['in', performance.now(), cpu(), head(chunk)]);
            listener(chunk);
          }
        : listener,
    );
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    events.push(['out', performance.now(), cpu(), head(chunk)]);
    return write(chunk, ...rest);
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) events.push(['gc', e.startTime, e.duration, e.detail ? e.detail.kind : e.kind]);
  }).observe({ entryTypes: ['gc'] });
  process.on('exit', () => writeFileSync(out, JSON.stringify(events)));
}
