// Every lint rule, one module per family. Ids are stable once released: settings and
// suppression comments name them.
import type { LintRule } from './lintRule';
import { resourceRules } from './rules/resources';
import { probeRules } from './rules/probes';
import { imageRules } from './rules/images';
import { hostAccessRules } from './rules/hostAccess';
import { securityContextRules } from './rules/securityContext';
import { secretRules } from './rules/secrets';
import { namespaceRules } from './rules/namespaces';
import { availabilityRules } from './rules/availability';
import { configRules } from './rules/config';
import { workloadRules } from './rules/workloads';

export const LINT_RULES: readonly LintRule[] = [
  ...resourceRules,
  ...probeRules,
  ...imageRules,
  ...hostAccessRules,
  ...securityContextRules,
  ...secretRules,
  ...namespaceRules,
  ...availabilityRules,
  ...configRules,
  ...workloadRules,
];
