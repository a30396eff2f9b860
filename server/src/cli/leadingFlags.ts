// kubectl takes its global flags before the verb too (`kubectl -n uit get po`, `kubectl -nuit
// rollout history deploy web`). The commands parse their own options anywhere among their
// arguments, so flags written before the command name are moved to just after it (where kubectl's
// --record change cause lists them first, too).
const WITH_VALUE = new Set(['-n', '--namespace', '--state']);
const WITHOUT_VALUE = new Set(['-A', '--all-namespaces']);

/** The arguments with leading global flags moved to just after the command name. */
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
  return [args[i], ...flags, ...args.slice(i + 1)];
}
