// kubemate docs coverage — how complete the Chinese field docs are.
import type { CliCommand, CliIO } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { loadSchema } from '../../schema/schema';
import { docsCoverage } from '../../schema/docsCoverage';
import { t } from '../../util/l10n';

export const docsCommand: CliCommand = {
  name: 'docs',
  summary: 'Report the coverage of the Chinese field docs and learning notes.',
  usage: 'kubemate docs coverage [-o text|json]',
  run(args: string[], io: CliIO): number {
    const { positionals, values } = parseArgs(args, { output: { type: 'string', short: 'o' } });
    if (positionals[0] !== 'coverage') throw new UsageError(t('Unknown docs subcommand. Try: kubemate docs coverage'));
    const format = outputFormat(values.output, ['text', 'json'] as const, 'text');
    const c = docsCoverage(loadSchema());
    if (format === 'json') {
      io.out(JSON.stringify(c, null, 2));
    } else {
      io.out(
        t(
          '{0} kinds, {1} fields outside status: {2} with Chinese docs ({3}%), {4} learning notes.',
          c.kinds,
          c.fields,
          c.zhCN,
          ((100 * c.zhCN) / c.fields).toFixed(1),
          c.notes,
        ),
      );
      io.out(t('{0} status fields: {1} with Chinese docs.', c.statusFields, c.statusZhCN));
      io.out(t('{0} enum fields, {1} values: {2} without a meaning.', c.enumFields, c.enumValues, c.enumMissing.length));
      io.out(t('{0} fields without English text.', c.enMissing.length));
      for (const m of [...c.missing, ...c.statusMissing, ...c.enumMissing]) io.out(`  ${t('missing:')} ${m}`);
      for (const m of c.enMissing) io.out(`  ${t('missing English:')} ${m}`);
      for (const s of c.stale) io.out(`  ${t('stale:')} ${s}`);
    }
    const gaps = c.missing.length + c.statusMissing.length + c.enumMissing.length + c.enMissing.length + c.stale.length;
    return gaps ? 1 : 0;
  },
};
