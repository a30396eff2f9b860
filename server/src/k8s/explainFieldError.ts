// A plain-words explanation of each API-server validation message, for readers who want it in
// their language. The upstream message itself is never changed (users search for it): in zh-cn
// mode a diagnostic reads `<Chinese explanation>（API server: <exact English message>）`.
// The English keys below are the l10n keys; English users see only the upstream text.
import { FieldError, formatFieldError } from './fieldError';
import { MSG_CONFIG_KEY, MSG_DNS1035_LABEL, MSG_DNS1123_LABEL, MSG_DNS1123_SUBDOMAIN, MSG_LABEL_VALUE, MSG_PORT_RANGE } from './nameFormats';
import { language, t } from '../util/l10n';

type Rule = [applies: (e: FieldError, last: string) => boolean, explain: (e: FieldError) => string];

const has = (s: string) => (e: FieldError) => e.detail.includes(s);
const PORT_NAME =
  /^must (be no more than 15 characters|contain only alpha-numeric|not contain consecutive hyphens|contain at least one letter|not begin or end with a hyphen)/;
const TOO_LONG = /no more than ([0-9]+) (characters|bytes)/;

// Most specific first; each upstream message (k8s/validate*.ts, nameFormats.ts) has a row.
const RULES: Rule[] = [
  [
    has('`selector` does not match template `labels`'),
    () =>
      t(
        'The pod template labels do not match the selector, so the controller would not recognise the pods it creates. Give spec.template.metadata.labels every label of the selector.',
      ),
  ],
  [
    has('empty selector is invalid'),
    () => t('An empty selector would take every pod in the namespace, so it is not allowed here. List the pod template labels under matchLabels.'),
  ],
  [
    (e, last) => e.type === 'Required' && last === 'selector',
    () => t('The selector is required: it tells the controller which pods are its own. Copy the pod template labels into spec.selector.matchLabels.'),
  ],
  [
    has('limit of'),
    () =>
      t(
        'The request is larger than the limit for the same resource: a container can never be promised more than it may use. Lower the request or raise the limit.',
      ),
  ],
  [has('name or generateName is required'), () => t('The object has no name: set metadata.name.')],
  [has('must be no more than 52 characters'), () => t('A CronJob name may have at most 52 characters: each Job it creates gets an 11-character suffix.')],
  [
    (e) => e.detail === MSG_DNS1123_SUBDOMAIN,
    () => t('Names may contain only lower-case letters, digits, "-" and ".", and must start and end with a letter or digit (e.g. my-app).'),
  ],
  [
    (e) => e.detail === MSG_DNS1123_LABEL,
    () =>
      t(
        'This name may contain only lower-case letters, digits and "-" (no dots), must start and end with a letter or digit, at most 63 characters (e.g. my-app).',
      ),
  ],
  [
    (e) => e.detail === MSG_DNS1035_LABEL,
    () =>
      t('A Service name becomes a DNS name: only lower-case letters, digits and "-", starting with a letter and ending with a letter or digit (e.g. web-svc).'),
  ],
  [has('must not contain dots'), () => t('Dots are not allowed in this name.')],
  [
    (e) => e.detail === MSG_LABEL_VALUE,
    () =>
      t('A label value may contain only letters, digits, "-", "_" and ".", must start and end with a letter or digit (or be empty), at most 63 characters.'),
  ],
  [
    (e) => /name part|qualified name|prefix part/.test(e.detail),
    () =>
      t(
        'A label key is an optional DNS prefix and "/" followed by a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (e.g. app.kubernetes.io/name).',
      ),
  ],
  [
    (e) => e.detail === MSG_CONFIG_KEY || /^must not (be|start with) '\.\.?'/.test(e.detail),
    () =>
      t(
        'A ConfigMap or Secret key may contain only letters, digits, "-", "_" and "." (and may not be "." or start with ".."): it becomes a file name when mounted and a variable name with envFrom.',
      ),
  ],
  [(e) => TOO_LONG.test(e.detail), (e) => t('Too long: at most {0} characters are allowed here.', TOO_LONG.exec(e.detail)![1])],
  [(e) => e.detail === MSG_PORT_RANGE, () => t('A port number must be between 1 and 65535.')],
  [
    has('must match `containerPort` when `hostNetwork` is true'),
    () => t('With hostNetwork the container listens on the node itself, so hostPort must equal containerPort.'),
  ],
  [
    (e) => PORT_NAME.test(e.detail),
    () =>
      t(
        'A port name is an IANA service name: at most 15 lower-case letters, digits and "-", at least one letter, no "--" and no "-" at either end (e.g. http, metrics).',
      ),
  ],
  [(e, last) => e.type === 'Unsupported' && last === 'protocol', () => t('The protocol must be TCP, UDP or SCTP, in upper case.')],
  [
    (e, last) => e.type === 'Unsupported' && last === 'restartPolicy',
    () =>
      t(
        'Pods of a Deployment, ReplicaSet, StatefulSet or DaemonSet are meant to run forever, so restartPolicy can only be Always (the default). For a task that finishes, use a Job.',
      ),
  ],
  [
    (e, last) => e.type === 'Required' && last === 'restartPolicy',
    () => t('The pods of a Job must end, so the pod template needs restartPolicy OnFailure or Never (the default Always is not allowed).'),
  ],
  [
    has('must be greater than minReadySeconds'),
    () => t('progressDeadlineSeconds must be larger than minReadySeconds, or every rolling update would count as stalled before a pod could become available.'),
  ],
  [has('a valid percent string'), () => t('Write a whole number (e.g. 1) or a percentage ending in "%" (e.g. 25%).')],
  [has('must not be greater than 100%'), () => t('A percentage above 100% is not allowed.')],
  [
    has('may not be 0 when `maxSurge` is 0'),
    () => t('maxSurge and maxUnavailable cannot both be 0: the rolling update could neither add a new pod nor take an old one away.'),
  ],
  [has('must be greater than or equal to 0'), () => t('A negative value is not allowed here.')],
  [
    has("may not be specified when strategy `type` is 'Recreate'"),
    () => t('rollingUpdate settings apply only to type RollingUpdate: remove them, or change the type.'),
  ],
  [(e, last) => e.type === 'Unsupported' && last === 'strategy', () => t('The strategy type must be RollingUpdate or Recreate (case-sensitive).')],
  [
    (e, last) => e.type === 'Forbidden' && last === 'nodePort',
    () => t('nodePort exists only for Services of type NodePort or LoadBalancer: remove it, or change the type.'),
  ],
  [
    (e, last) => e.type === 'Unsupported' && last === 'type',
    () => t('The Service type must be ClusterIP, NodePort, LoadBalancer or ExternalName (case-sensitive).'),
  ],
  [
    (e) => e.type === 'Required' && e.field === 'spec.ports',
    () => t('A Service needs at least one port (only headless and ExternalName Services may have none).'),
  ],
  [
    (e, last) => e.type === 'Required' && last === 'name' && e.path.includes('ports'),
    () => t('When a Service has more than one port, every port needs a name.'),
  ],
  [(e, last) => e.type === 'Duplicate' && last === 'name' && e.path.includes('ports'), () => t('Two ports have the same name; port names must be unique.')],
  [(e, last) => e.type === 'Duplicate' && e.path.includes('ports') && last !== 'name', () => t('Two ports use the same port number and protocol.')],
  [(e, last) => e.type === 'Required' && last === 'containers', () => t('The pod has no containers: list at least one under containers.')],
  [(e) => e.type === 'Duplicate' && e.path.includes('volumes'), () => t('Two volumes have the same name; volume names must be unique within the pod.')],
  [(e, last) => e.type === 'Required' && last === 'name', () => t('Every container needs a name.')],
  [(e, last) => e.type === 'Duplicate' && last === 'name', () => t('Two containers of the pod have the same name (init containers included).')],
  [(e, last) => e.type === 'Required' && last === 'image', () => t('Every container needs an image.')],
  [(e, last) => e.type === 'Required' && last === 'containerPort', () => t('Every entry under ports needs a containerPort.')],
  [
    (e) => e.type === 'NotFound' && e.path.includes('volumeMounts'),
    () => t('The volumeMount names a volume the pod does not declare: add it under volumes (or volumeClaimTemplates for a StatefulSet) with the same name.'),
  ],
  // Anything else: say what kind of rejection it is.
  [(e) => e.type === 'Required', () => t('A required field is missing.')],
  [(e) => e.type === 'Unsupported', () => t('This value is not one of the supported values.')],
  [(e) => e.type === 'Duplicate', () => t('This value appears twice; it must be unique.')],
  [(e) => e.type === 'Forbidden', () => t('This field is not allowed here.')],
  [(e) => e.type === 'NotFound', () => t('What this refers to does not exist.')],
  [() => true, () => t('The API server rejects this value.')],
];

/** The explanation in the current language. */
export function explainFieldError(e: FieldError): string {
  const last = String(e.path[e.path.length - 1] ?? '');
  return RULES.find(([applies]) => applies(e, last))![1](e);
}

/** The message a diagnostic shows: upstream's exact text, with the explanation first in zh-cn mode. */
export function localizedFieldError(e: FieldError): string {
  const upstream = formatFieldError(e);
  return language() === 'zh-cn' ? `${explainFieldError(e)}（API server: ${upstream}）` : upstream;
}
