// kubemate explain <kind>[.<field.path>] — `kubectl explain`, offline and bilingual.
import type { CliCommand, CliIO, CliOptions } from '../cliCommand';
import { UsageError } from '../cliCommand';
import { outputFormat, parseArgs } from '../parseArgs';
import { apiVersionOf, loadSchema, Schema } from '../../schema/schema';
import type { KindEntry } from '../../schema/schemaTypes';
import { resolveResource } from '../../k8s/resources';
import { fieldDoc } from '../../features/hover/fieldDoc';
import { renderDocText } from '../../features/hover/renderDoc';
import { docsOrder } from '../../features/hover/docsLanguage';
import { t } from '../../util/l10n';
import { didYouMean } from '../../util/didYouMean';
import { unknownResourceType } from '../typeArgs';
import { reasonJson, reasonList, reasonText, resolveReason } from '../reasonText';

function resolveKind(schema: Schema, name: string, apiVersion: string | undefined): KindEntry {
  const viaTable = resolveResource(name)?.kind;
  const kind = viaTable ?? schema.kindNamed(name) ?? schema.kinds.find((k) => k.kind.toLowerCase() + 's' === name.toLowerCase())?.kind;
  if (!kind) throw unknownResourceType(name, new Set(schema.kinds.map((k) => k.kind)));
  if (apiVersion) {
    const e = schema.findKind(apiVersion, kind);
    if (!e)
      throw new UsageError(
        t('{0} does not exist in apiVersion {1}. Available: {2}', kind, apiVersion, schema.versionsOfKind(kind).map(apiVersionOf).join(', ')),
      );
    return e;
  }
  const e = schema.versionsOfKind(kind)[0] ?? schema.kinds.find((k) => k.kind === kind);
  if (!e) throw new UsageError(t('Unknown kind "{0}".', name));
  return e;
}

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'Describe a kind or one of its fields (type, required, docs in Chinese and English).',
  usage: 'kubemate explain <kind>[.<field.path>] | reason [<Reason>] [--api-version <group/version>] [-o text|json] [--lang zh-cn|en|both]',
  run(args: string[], io: CliIO, opts: CliOptions): number {
    const { positionals, values } = parseArgs(args, {
      output: { type: 'string', short: 'o' },
      'api-version': { type: 'string' },
      recursive: { type: 'boolean' },
    });
    const format = outputFormat(values.output, ['text', 'json'] as const, 'text');
    if (positionals[0] === 'reason' && positionals.length <= 2) {
      // kubemate explain reason CrashLoopBackOff — the reason explainer (schema/reasons.ts).
      if (positionals.length === 1) io.out(reasonList(opts.lang));
      else {
        const reason = resolveReason(positionals[1]);
        io.out(format === 'json' ? reasonJson(reason) : reasonText(reason, opts.docsBoth ? docsOrder('both', opts.lang) : [opts.lang]));
      }
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(t('Name one kind or field, e.g. deployment.spec.replicas'));
    const schema = loadSchema();
    const [kindName, ...fieldPath] = positionals[0].split('.').filter(Boolean);
    const entry = resolveKind(schema, kindName, values['api-version'] as string | undefined);
    // Walk the path, stepping through lists transparently as kubectl explain does.
    const path: (string | number)[] = [];
    for (const seg of fieldPath) {
      let info = schema.fieldAt(entry.type, path);
      while (info && info.type.kind === 'array') {
        path.push(0);
        info = schema.fieldAt(entry.type, path);
      }
      const fields = info ? schema.fieldsOf(info.type) : undefined;
      if (!fields || !fields[seg]) {
        const suggestion = fields ? didYouMean(seg, Object.keys(fields)) : undefined;
        const where = [entry.kind, ...fieldPath.slice(0, fieldPath.indexOf(seg))].join('.');
        io.err(
          `${t('error:')} ${suggestion ? t('field "{0}" does not exist in {1}. Did you mean "{2}"?', seg, where, suggestion) : t('field "{0}" does not exist in {1}.', seg, where)}`,
        );
        return 1;
      }
      path.push(seg);
    }
    const doc = fieldDoc(schema, entry, path)!;
    const order = docsOrder(opts.docsBoth ? 'both' : opts.lang === 'zh-cn' ? 'both' : 'en', opts.lang);
    if (format === 'json') {
      const description: Record<string, string> = {};
      if (doc.en) description.en = doc.en;
      if (doc.zhCn) description['zh-cn'] = doc.zhCn;
      const json: Record<string, unknown> = {
        kind: entry.kind,
        apiVersion: apiVersionOf(entry),
        path: doc.path,
        type: doc.typeLabel,
        required: doc.required,
        description,
        fields: doc.children,
      };
      if (doc.defaultValue) json.default = doc.defaultValue;
      if (doc.note) json.note = { en: doc.note.en, 'zh-cn': doc.note.zhCn, links: doc.note.links };
      json.links = { en: doc.links.en, 'zh-cn': doc.links.zhCn };
      io.out(JSON.stringify(json, null, 2));
    } else {
      io.out(renderDocText(doc, order));
    }
    return 0;
  },
};
