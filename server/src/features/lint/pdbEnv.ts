// A LintEnv built from a set of files (the CLI checks a whole folder at once): which pod
// labels a PodDisruptionBudget covers. The language server asks its workspace index instead.
import { labelSelectorMatches, LabelSelector } from '../../k8s/labels';
import { isObj, str } from '../../k8s/objectAccess';
import type { ParsedFile } from '../../yaml/parsedFile';
import type { LintEnv } from './lintRule';
import { manifestsOf } from './lintDocument';

export function pdbEnv(files: ParsedFile[]): LintEnv {
  const pdbs: { namespace: string; selector: LabelSelector }[] = [];
  for (const f of files) {
    for (const d of f.documents) {
      for (const m of manifestsOf(d.chunk)) {
        const selector = m.get('spec', 'selector');
        if (m.kind !== 'PodDisruptionBudget' || !m.builtIn || !isObj(selector)) continue;
        pdbs.push({ namespace: str(m.get('metadata', 'namespace')) ?? 'default', selector: selector as LabelSelector });
      }
    }
  }
  return { pdbSelects: (namespace, labels) => pdbs.some((p) => p.namespace === namespace && labelSelectorMatches(p.selector, labels)) };
}
