// The YAML problems of one parsed document, worded once for every surface: the editor's and
// `kubemate check`'s diagnostics (yaml-syntax, duplicate-key) and the manifest reader that
// `apply`, `delete` and the editor's dry-run share. A document with any of them is refused by
// apply, as kubectl refuses a file its YAML decoder rejects (sigs.k8s.io/yaml: "mapping key … already defined").
import type { ParsedChunk } from './parsedChunk';
import { t } from '../util/l10n';

export interface YamlProblem {
  code: 'yaml-syntax' | 'duplicate-key';
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
  return out;
}
