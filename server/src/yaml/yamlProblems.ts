// The YAML problems of one parsed document, worded once for every surface: the editor's and
// `kubemate check`'s diagnostics (yaml-syntax, duplicate-key) and the manifest reader that
// `apply`, `delete` and the editor's dry-run share. A document with any of them is refused by
// apply, as kubectl refuses a file its YAML decoder rejects (sigs.k8s.io/yaml: "mapping key … already defined").
// Two more the parser does not report itself: an alias without its anchor (toJS would throw the
// library's English words) and a key that is a mapping or a list (the library would print a
// warning on stderr and stringify it; Kubernetes' YAML-to-JSON step refuses it: "invalid map key").
import { isCollection, visit } from 'yaml';
import type { ParsedChunk } from './parsedChunk';
import { t } from '../util/l10n';

export interface YamlProblem {
  code: 'yaml-syntax' | 'duplicate-key' | 'collection-key';
  /** The sentence check shows for it (without the file and position). */
  message: string;
  /** The parser's own words (syntax errors) or the key (duplicates), without a prefix. */
  detail: string;
  /** Offsets inside the chunk. */
  start: number;
  end: number;
}

export function yamlProblems(chunk: ParsedChunk): YamlProblem[] {
  const out: YamlProblem[] = [];
  const seen = new Set<string>();
  for (const err of chunk.doc.errors) {
    const [s, e] = err.pos;
    if (seen.has(`${s}:${err.code}`)) continue;
    seen.add(`${s}:${err.code}`);
    if (err.code === 'DUPLICATE_KEY') {
      const keyText = /^["']?([^:"'\n]*)/.exec(chunk.text.slice(s))![1].trim();
      out.push({
        code: 'duplicate-key',
        message: t('Duplicate key "{0}": YAML keeps only the last value, so the first one is silently lost.', keyText),
        detail: keyText,
        start: s,
        end: Math.max(e, s + keyText.length),
      });
    } else {
      const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      out.push({ code: 'yaml-syntax', message: t('YAML syntax error: {0}', first), detail: first, start: s, end: Math.max(e, s + 1) });
    }
  }
  // Only documents that can hold an alias or a complex key are walked.
  if (/[*?]|[\]}]\s*:/.test(chunk.text)) out.push(...structureProblems(chunk));
  return out;
}

function structureProblems(chunk: ParsedChunk): YamlProblem[] {
  const out: YamlProblem[] = [];
  visit(chunk.doc, {
    Alias(_, node) {
      if (node.resolve(chunk.doc)) return;
      const [start, , end] = node.range ?? [0, 0, 1];
      out.push({
        code: 'yaml-syntax',
        message: t('YAML syntax error: the alias *{0} has no anchor &{0} before it in this document.', node.source),
        detail: `*${node.source}`,
        start,
        end: Math.max(end, start + 1),
      });
    },
    Pair(_, pair) {
      if (!isCollection(pair.key)) return;
      const [start, , end] = pair.key.range ?? [0, 0, 1];
      out.push({
        code: 'collection-key',
        message: t('A key must be a single value, not a mapping or a list: Kubernetes cannot read this key (its YAML to JSON conversion refuses it).'),
        detail: chunk.text.slice(start, end),
        start,
        end: Math.max(end, start + 1),
      });
    },
  });
  return out.sort((a, b) => a.start - b.start);
}
