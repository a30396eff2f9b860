// What KubeMate says about a Kustomization beyond its schema: Helm charts it inflates are not
// rendered (no helm binary is used), so the objects they would produce are not checked.
import { isMap, isScalar, Node } from 'yaml';
import { t } from '../../util/l10n';
import { DocumentFinding, diag } from './diagnostic';

const HELM_FIELDS = ['helmCharts', 'helmChartInflationGenerator'];

export function kustomizationNotes(root: unknown): DocumentFinding[] {
  if (!isMap(root)) return [];
  const out: DocumentFinding[] = [];
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !HELM_FIELDS.includes(String(pair.key.value))) continue;
    const r = (pair.key as Node).range!;
    out.push(
      diag(
        'helm-not-rendered',
        t(
          '{0}: KubeMate does not render Helm charts, so the objects they would add are not checked (cross-file checks and the dry-run do not see them).',
          String(pair.key.value),
        ),
        r[0],
        r[1],
      ),
    );
  }
  return out;
}
