// apiVersion and kind: present, known, consistent with each other, not removed.
import { isMap, isScalar, Node, YAMLMap } from 'yaml';
import type { Schema } from '../../schema/schema';
import { apiVersionOf } from '../../schema/schema';
import type { KindEntry } from '../../schema/schemaTypes';
import { API_CHANGES, findApiChange } from '../../k8s/removedApis';
import { splitApiVersion } from '../../k8s/resources';
import type { ParsedChunk } from '../../yaml/parsedChunk';
import { t } from '../../util/l10n';
import { DocumentFinding, diag } from './diagnostic';
import { didYouMean } from '../../util/didYouMean';

export interface KindCheckResult {
  diagnostics: DocumentFinding[];
  /** The schema entry to validate the rest of the document against, when there is one. */
  entry?: KindEntry;
}

/** Groups served by Kubernetes itself: those of the schema and of removed APIs. Anything else is a custom resource. */
function isBuiltInGroup(schema: Schema, group: string): boolean {
  return schema.isBuiltInGroup(group) || API_CHANGES.some((c) => splitApiVersion(c.apiVersion).group === group);
}

function valueRange(root: YAMLMap, key: string): [number, number] {
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  const n = (pair?.value ?? pair?.key) as Node | undefined;
  return n?.range ? [n.range[0], n.range[1]] : [0, 1];
}

function firstKeyRange(root: unknown): [number, number] {
  if (isMap(root) && root.items[0]?.key) {
    const r = (root.items[0].key as Node).range!;
    return [r[0], r[1]];
  }
  return [0, 1];
}

/** What kindCheck needs of a manifest: a document, or an item of a `kind: List`. */
export interface ManifestView {
  root: unknown;
  apiVersion?: string;
  kind?: string;
  hasApiVersionKey: boolean;
  hasKindKey: boolean;
}

export function chunkView(chunk: ParsedChunk): ManifestView {
  return { root: chunk.doc.contents, apiVersion: chunk.apiVersion, kind: chunk.kind, hasApiVersionKey: chunk.hasApiVersionKey, hasKindKey: chunk.hasKindKey };
}

export function kindCheck(schema: Schema, chunk: ManifestView): KindCheckResult {
  const root = chunk.root;
  const out: DocumentFinding[] = [];
  const { apiVersion, kind } = chunk;
  if (!isMap(root)) {
    const r = root && (root as Node).range ? (root as Node).range! : [0, 1];
    out.push(diag('missing-kind', t('A Kubernetes manifest is a map with apiVersion, kind and metadata; this document is not a map.'), r[0], r[1]));
    return { diagnostics: out };
  }
  if (!kind && !apiVersion) {
    const [s, e] = chunk.hasKindKey ? valueRange(root, 'kind') : firstKeyRange(root);
    out.push(diag('missing-kind', t("Missing 'apiVersion' and 'kind': every manifest says what it is, e.g. apiVersion: apps/v1 and kind: Deployment."), s, e));
  } else if (!kind) {
    const [s, e] = chunk.hasKindKey ? valueRange(root, 'kind') : firstKeyRange(root);
    out.push(diag('missing-kind', t("Missing 'kind': every manifest says what it is, e.g. kind: Deployment."), s, e));
  } else if (!apiVersion) {
    const [s, e] = chunk.hasApiVersionKey ? valueRange(root, 'apiVersion') : firstKeyRange(root);
    const preferred = schema.versionsOfKind(schema.kindNamed(kind) ?? kind)[0];
    const msg = preferred
      ? t("Missing 'apiVersion': {0} uses apiVersion: {1}.", kind, apiVersionOf(preferred))
      : t("Missing 'apiVersion': every manifest needs one, e.g. apiVersion: apps/v1.");
    out.push(diag('missing-api-version', msg, s, e, preferred ? { replacement: apiVersionOf(preferred) } : undefined));
  }
  if (!apiVersion || !kind) return { diagnostics: out };

  const entry = schema.findKind(apiVersion, kind);
  const change = findApiChange(apiVersion, kind);
  if (change?.status === 'removed') {
    const [s, e] = valueRange(root, 'apiVersion');
    const msg = !change.release
      ? t('{0} {1} is not served by Kubernetes 1.36. Use apiVersion: {2}.', apiVersion, kind, change.replacement ?? '')
      : change.replacement
        ? t('{0} {1} was removed in Kubernetes {2}. Use apiVersion: {3}.', apiVersion, kind, change.release, change.replacement)
        : t('{0} {1} was removed in Kubernetes {2} and has no direct replacement.', apiVersion, kind, change.release);
    out.push(diag('removed-api', msg, s, e, change.replacement ? { replacement: change.replacement } : undefined));
    return { diagnostics: out };
  }
  if (change?.status === 'deprecated') {
    const [s, e] = valueRange(root, 'kind');
    const instead = change.replacement ? ` ${t('Use {0} {1} instead.', change.replacement, change.replacementKind ?? kind)}` : '';
    out.push(diag('deprecated-api', t('{0} {1} is deprecated since Kubernetes {2}.', apiVersion, kind, change.release) + instead, s, e));
  }
  if (entry) return { diagnostics: out, entry };

  const { group, version } = splitApiVersion(apiVersion);
  if (!isBuiltInGroup(schema, group)) {
    const [s, e] = valueRange(root, 'kind');
    out.push(
      diag('custom-resource', t('{0} ({1}) is a custom resource: KubeMate has no schema for it, so its fields are not checked.', kind, apiVersion), s, e),
    );
    return { diagnostics: out };
  }
  const knownKind = schema.kindNamed(kind);
  if (schema.isKnownApiVersion(apiVersion)) {
    const [s, e] = valueRange(root, 'kind');
    if (knownKind && schema.versionsOfKind(knownKind).length) {
      const preferred = apiVersionOf(schema.versionsOfKind(knownKind)[0]);
      if (knownKind !== kind && schema.findKind(apiVersion, knownKind)) {
        out.push(
          diag('unknown-kind', t('Unknown kind "{0}". Did you mean "{1}"? Kinds are case-sensitive.', kind, knownKind), s, e, { replacement: knownKind }),
        );
      } else {
        out.push(
          diag(
            'kind-not-in-version',
            t('Kind {0} does not exist in apiVersion {1}. {0} uses apiVersion: {2}.', knownKind, apiVersion, preferred),
            ...valueRange(root, 'apiVersion'),
            { replacement: preferred },
          ),
        );
      }
    } else {
      const suggestion = didYouMean(
        kind,
        schema.kindsInApiVersion(apiVersion).map((k) => k.kind),
      );
      const msg = suggestion
        ? t('Unknown kind "{0}" in apiVersion {1}. Did you mean "{2}"?', kind, apiVersion, suggestion)
        : t('Unknown kind "{0}" in apiVersion {1}.', kind, apiVersion);
      out.push(diag('unknown-kind', msg, s, e, suggestion ? { replacement: suggestion } : undefined));
    }
    return { diagnostics: out };
  }
  const [s, e] = valueRange(root, 'apiVersion');
  if (/^v\d+(alpha|beta)\d+$/.test(version) && knownKind) {
    // Alpha/beta versions that kubernetes-models does not ship (off by default on most clusters).
    out.push(
      diag(
        'unchecked-api-version',
        t(
          'KubeMate has no schema for {0} {1} (an alpha/beta API), so its fields are not checked. The stable version is {2}.',
          apiVersion,
          kind,
          apiVersionOf(schema.versionsOfKind(knownKind)[0] ?? { group, version: 'v1' }),
        ),
        s,
        e,
      ),
    );
    return { diagnostics: out };
  }
  const preferred = knownKind ? schema.versionsOfKind(knownKind)[0] : undefined;
  const suggestion = preferred ? apiVersionOf(preferred) : didYouMean(apiVersion, schema.servedApiVersions());
  const msg = suggestion
    ? t('Unknown apiVersion "{0}" for {1}. Did you mean "{2}"?', apiVersion, kind, suggestion)
    : t('Unknown apiVersion "{0}".', apiVersion);
  out.push(diag('unknown-api-version', msg, s, e, suggestion ? { replacement: suggestion } : undefined));
  return { diagnostics: out };
}
