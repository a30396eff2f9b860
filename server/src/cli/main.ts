// `kubemate` command-line entry. Chooses the language, dispatches to a command from the
// command table, and turns every failure into a clear message and an exit code — never a stack trace.
import { commandTable } from './commandTable';
import { hoistLeadingFlags } from './leadingFlags';
import { CliIO, KubectlError, UsageError } from './cliCommand';
import { languageOf, setLanguage, t, Lang } from '../util/l10n';

import { KUBEMATE_VERSION as VERSION } from './version';

/** `--lang zh-cn|en|both` wins; then KUBEMATE_LANG, LC_ALL, LC_MESSAGES, LANG. */
export function pickLanguage(args: string[], env: NodeJS.ProcessEnv): { lang: Lang; rest: string[]; both: boolean } {
  const rest: string[] = [];
  let requested: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--lang' && i + 1 < args.length) requested = args[++i];
    else if (a.startsWith('--lang=')) requested = a.slice('--lang='.length);
    else rest.push(a);
  }
  if (requested === 'both') return { lang: languageOf(env.KUBEMATE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG), rest, both: true };
  const lang = languageOf(requested ?? env.KUBEMATE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
  return { lang, rest, both: false };
}

function helpText(): string {
  const lines = [t('KubeMate — Kubernetes manifests: check, explain and a simulated cluster, offline.'), '', t('Usage:')];
  for (const c of commandTable) lines.push(`  ${c.usage}`, `      ${t(c.summary)}`);
  lines.push(
    '',
    t('Global options:'),
    '  --lang zh-cn|en|both   ' + t('language of messages and docs'),
    '  -h, --help             ' + t('show help'),
    '  --version              ' + t('show the version'),
  );
  return lines.join('\n');
}

export async function runCli(argv: string[], io: CliIO, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { lang, rest, both } = pickLanguage(argv, env);
  setLanguage(lang);
  const opts = { lang, docsBoth: both, env };
  const [name, ...args] = hoistLeadingFlags(rest);
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === 'version') {
    io.out(`kubemate ${VERSION}`); // l10n-exempt: version string
    return 0;
  }
  const command = commandTable.find((c) => c.name === name || c.aliases?.includes(name));
  if (!command) {
    io.err(t('Unknown command "{0}". Run `kubemate --help` to see the commands.', name));
    return 2;
  }
  if (args.includes('-h') || args.includes('--help')) {
    io.out(`${t('Usage:')} ${command.usage}\n${t(command.summary)}`);
    return 0;
  }
  try {
    return await command.run(args, io, opts);
  } catch (e) {
    if (e instanceof KubectlError) {
      io.err(e.hint ? `${e.message}\n${e.hint}` : e.message);
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(`${t('error:')} ${e.message}\n${t('Usage:')} ${command.usage}`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`${t('error:')} ${t('KubeMate hit an internal problem: {0}', message)}`);
    if (env.KUBEMATE_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 3;
  }
}

if (require.main === module) {
  // `kubemate … | head` closes our stdout early: stop quietly, as other Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  const io: CliIO = {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    cwd: process.cwd(),
    readStdin: () =>
      new Promise((resolve) => {
        let data = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', (c) => (data += c));
        process.stdin.on('end', () => resolve(data));
      }),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
