// Secrets: plain-text credentials in env, and Secret/ConfigMap bytes the API server cannot decode.
import { arr, get, obj, str } from '../../../k8s/objectAccess';
import { t } from '../../../util/l10n';
import type { LintRule } from '../lintRule';
import { base64ErrorOffset } from '../../../k8s/base64ErrorOffset';
import { POD_KINDS } from './kinds';

/** Names that usually hold a credential. Matched per word of the name (PASSWORD, DB_PASSWORD, apiKey). */
const SECRET_WORDS = /(^|_)(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|API_KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH_KEY)(_|$)/;
/** A last word that says the value is about the secret, not the secret itself (DB_PASSWORD_FILE, TOKEN_URL). */
const NOT_THE_SECRET = /_(FILE|PATH|DIR|NAME|URL|URI|ENDPOINT|HOST|PORT|ID|TTL|TIMEOUT|EXPIRY|LENGTH|HEADER|TYPE|MODE|ENABLED|REF|KEYS?_ID)$/;
/** Flags and references rather than credentials: ALLOW_EMPTY_PASSWORD=yes, TOKEN=$(OTHER_VAR). */
const NOT_A_SECRET_VALUE = /^(yes|no|true|false|on|off|0|1|\$\([A-Za-z_][A-Za-z0-9_]*\))$/i;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** `dbPassword` → `DB_PASSWORD`, so camelCase and snake_case names read the same. */
const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[.-]/g, '_')
    .toUpperCase();

function looksLikeSecretName(name: string): boolean {
  const w = words(name);
  return SECRET_WORDS.test(w) && !NOT_THE_SECRET.test(w);
}

export const secretRules: LintRule[] = [
  {
    id: 'secret-in-env',
    family: 'secrets',
    severity: 'warning',
    enabledByDefault: true,
    kinds: POD_KINDS,
    check(m, report) {
      for (const c of m.containers(true)) {
        arr(c.value.env).forEach((e, i) => {
          const name = str(get(e, 'name')) ?? '';
          const value = str(get(e, 'value'));
          if (!value || NOT_A_SECRET_VALUE.test(value.trim())) return;
          if (!PRIVATE_KEY.test(value) && !looksLikeSecretName(name)) return;
          report.at(
            [...c.path, 'env', i, 'value'],
            'value',
            t(
              'Environment variable {0} holds what looks like a secret in plain text: anyone who can read this manifest or the pod can see it. Put it in a Secret and use valueFrom.secretKeyRef.',
              name,
            ),
          );
        });
      }
    },
  },
  {
    // The API server decodes these []byte fields with base64.StdEncoding and rejects the whole
    // object, so this is an error, not advice.
    // upstream: message "illegal base64 data at input byte N" (Go encoding/base64 CorruptInputError).
    id: 'invalid-base64',
    family: 'secrets',
    severity: 'error',
    enabledByDefault: true,
    kinds: ['Secret', 'ConfigMap'],
    check(m, report) {
      const field = m.kind === 'Secret' ? 'data' : 'binaryData';
      const data = obj(m.get(field));
      if (!data) return;
      for (const [key, value] of Object.entries(data)) {
        if (typeof value !== 'string') continue;
        const at = base64ErrorOffset(value);
        if (at === undefined) continue;
        const message =
          m.kind === 'Secret'
            ? t(
                'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte {0}. Values under data must be base64-encoded; put plain text under stringData instead.',
                at,
              )
            : t(
                'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte {0}. Values under binaryData must be base64-encoded; put text under data instead.',
                at,
              );
        report.at([field, key], 'value', message, { key, field });
      }
    },
  },
];
