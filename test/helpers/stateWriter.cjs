// A child process for the state-file tests: runs `kubemate label node worker-1 <prefix><i>=v`
// <count> times in a loop (0: until killed) against one --state file, in-process through the built CLI
// (dist/cli.js), and prints the exit codes it saw as JSON. Run by test/unit/kubectl/stateConcurrency.test.ts.
const { runCli } = require('../../dist/cli.js');

async function main() {
  const [file, prefix, count] = process.argv.slice(2);
  const codes = {};
  const errors = [];
  const io = { out: () => {}, err: (s) => errors.push(s), cwd: process.cwd() };
  // Loaded and about to write: the kill -9 test times its kill from this line.
  process.stdout.write('ready\n');
  for (let i = 0; Number(count) === 0 || i < Number(count); i++) {
    const code = await runCli(['label', 'node', 'worker-1', `${prefix}${i}=v`, '--state', file], io, { LANG: 'en_US.UTF-8' });
    codes[code] = (codes[code] ?? 0) + 1;
  }
  process.stdout.write(JSON.stringify({ codes, errors: errors.slice(0, 5) }) + '\n');
}
main();
