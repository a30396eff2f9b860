// kubectl takes its global flags before the verb too (`kubectl -n uit get po`, `kubectl -nuit
// rollout history deploy web`). The commands parse their own options, so flags written before the
// command name are moved behind its arguments (before a `--`, which ends them).
const WITH_VALUE = new Set(['-n', '--namespace', '--state']);
const WITHOUT_VALUE = new Set(['-A', '--all-namespaces']);

/** The arguments with leading global flags moved behind the command and its arguments. */
export function hoistLeadingFlags(args: string[]): string[] {
  const flags: string[] = [];
  let i = 0;
  while (i < args.length) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (WITH_VALUE.has(name) && name === a && i + 1 < args.length) {
      flags.push(a, args[i + 1]);
      i += 2;
    } else if (WITH_VALUE.has(name) || WITHOUT_VALUE.has(a) || /^-n[^-]/.test(a)) {
      flags.push(a);
      i++;
    } else break;
  }
  if (!flags.length || i === args.length) return args;
  const rest = args.slice(i);
  const dash = rest.indexOf('--');
  return dash < 0 ? [...rest, ...flags] : [...rest.slice(0, dash), ...flags, ...rest.slice(dash)];
}
