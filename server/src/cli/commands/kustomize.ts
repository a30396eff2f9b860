// kubemate kustomize <dir> — what `kubectl kustomize <dir>` prints, offline: rendered with the real
// kustomize when kubectl or kustomize is on the PATH and the kustomization is safe to hand over
// (nothing remote), with KubeMate's built-in rendering otherwise. Which one ran goes to stderr.
import { relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { CliCommand, CliIO, CliOptions } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { renderWithBestTool } from '../kubectlKustomize';
import { t } from '../../util/l10n';

export const kustomizeCommand: CliCommand = {
  name: 'kustomize',
  summary: 'Render a kustomization folder as kustomize would (the real kustomize when installed, the built-in rendering otherwise).',
  usage: 'kubemate kustomize <dir> [-o yaml|json] [--built-in]',
  run(args: string[], io: CliIO, opts?: CliOptions): number {
    const { positionals, values } = parseArgs(args, { output: { type: 'string', short: 'o' }, 'built-in': { type: 'boolean' } });
    const format = outputFormat(values.output, ['yaml', 'json'] as const, 'yaml');
    if (positionals.length !== 1) throw new UsageError(t('Name one kustomization folder.'));
    const dir = resolve(io.cwd, positionals[0]);
    const r = renderWithBestTool(dir, opts?.env ?? process.env, !values['built-in']);
    const shown = (p: string) => relative(io.cwd, p) || p;
    for (const p of r.problems)
      io.err(`${p.severity === 'error' ? t('error:') : p.severity === 'warning' ? t('warning:') : t('note:')} ${p.message.split(dir).join(shown(dir))}`);
    if (format === 'json')
      io.out(
        JSON.stringify(
          { renderer: r.renderer, objects: r.objects.map((o) => o.object), problems: r.problems.map((p) => ({ ...p, file: shown(p.file) })) },
          null,
          2,
        ),
      );
    else io.out(r.objects.map((o) => stringify(o.object, { lineWidth: 0 })).join('---\n'));
    io.err(
      r.renderer === 'built-in'
        ? t("Rendered by KubeMate's built-in kustomize ({0} object(s)).", r.objects.length)
        : t('Rendered by {0} ({1} object(s)).', r.renderer === 'kubectl' ? 'kubectl kustomize' : 'kustomize build', r.objects.length),
    );
    return r.problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};
