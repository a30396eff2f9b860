// Runs the lint pipeline the way the language server does (rules → levels → suppressions) on
// inline YAML, and builds small manifests for the rule tables.
import { parseFile } from '../../../server/src/yaml/parsedFile';
import { lintFile } from '../../../server/src/features/lint/lintFile';
import type { Finding } from '../../../server/src/findings/finding';
import { applyRuleLevels, lintConfig, LintSettings } from '../../../server/src/features/lint/lintConfig';
import { filterSuppressed } from '../../../server/src/features/lint/suppressions';
import type { LintEnv, RuleLevel } from '../../../server/src/features/lint/lintRule';

export function lint(text: string, rules: Record<string, RuleLevel> = {}, env: LintEnv = {}, enabled = true): Finding[] {
  const settings: LintSettings = { enabled, rules };
  return filterSuppressed(text, applyRuleLevels(lintFile(parseFile(text), lintConfig(settings), env), settings));
}

/** `3:7 code` rows (1-based) for one code. */
export function rowsOf(text: string, code: string, rules: Record<string, RuleLevel> = {}, env: LintEnv = {}): string[] {
  return lint(text, rules, env)
    .filter((d) => d.code === code)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

/** A Deployment whose single container is `container` (YAML lines at container-key indent) and whose pod spec adds `pod`. */
export function deployment(container: string, pod = '', meta = ''): string {
  const c = container
    .trim()
    .split('\n')
    .map((l, i) => (i === 0 ? `        - ${l}` : `          ${l}`))
    .join('\n');
  const p = pod
    ? pod
        .trim()
        .split('\n')
        .map((l) => `      ${l}`)
        .join('\n') + '\n'
    : '';
  const m = meta
    ? meta
        .trim()
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n') + '\n'
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${m}spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${p}      containers:
${c}
`;
}

/** A container with every default-on rule satisfied. */
export const GOOD_CONTAINER = `name: web
image: nginx:1.27
ports:
  - name: http
    containerPort: 80
resources:
  requests: {cpu: 100m, memory: 128Mi}
  limits: {memory: 128Mi}
readinessProbe:
  httpGet: {path: /, port: http}
livenessProbe:
  httpGet: {path: /, port: http}
securityContext:
  allowPrivilegeEscalation: false
  runAsNonRoot: true`;
