// Container image references, read as the kubelet reads them before a pull: distribution/reference's
// ParseNormalizedNamed (splitDockerDomain, then Parse against the reference grammar) with go-digest's
// digest validation. A first path component is the registry host when it contains '.' or ':', is
// `localhost`, or is not lowercase (`myOrg/app` pulls from host "myOrg"); otherwise the image is on
// docker.io, and a name without a path gets `library/`.
// upstream: github.com/distribution/reference normalize.go, reference.go, regexp.go;
// github.com/opencontainers/go-digest digest.go, algorithm.go.

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
/** go-digest's general digest shape, for an algorithm it does not know. */
const ANY_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** The algorithms the kubelet links in, with their hex length. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const NAME_TOTAL_LENGTH_MAX = 255;

export interface ImageReference {
  /** The registry host, e.g. docker.io, localhost:5000, myOrg. */
  domain: string;
  /** The repository path inside the registry, e.g. library/nginx. */
  path: string;
  tag?: string;
  digest?: string;
}

export type ImageParse = { ok: true; ref: ImageReference } | { ok: false; error: string };

const parsed = new Map<string, ImageParse>();

/** go-digest Digest.Validate: undefined when valid, else its error text. */
function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  if (colon <= 0 || colon + 1 === digest.length) return 'invalid checksum digest format';
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const size = DIGEST_HEX_LENGTH[algorithm];
  if (size === undefined) return ANY_DIGEST.test(digest) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  if (encoded.length !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]+$/.test(encoded) ? undefined : 'invalid checksum digest format';
}

/** The registry host and the rest, as splitDockerDomain decides. */
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash === -1) return ['docker.io', `library/${name}`];
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain = 'docker.io';
  let remainder = name;
  if (first === 'index.docker.io') remainder = rest;
  else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) [domain, remainder] = [first, rest];
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return [domain, remainder];
}

function parseUncached(image: string): ImageParse {
  if (IDENTIFIER.test(image)) return { ok: false, error: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings` };
  const [domain, remainder] = splitDockerDomain(image);
  const tagSep = remainder.indexOf(':');
  const remote = tagSep === -1 ? remainder : remainder.slice(0, tagSep);
  if (remote.toLowerCase() !== remote) return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  const full = `${domain}/${remainder}`;
  const m = REFERENCE.exec(full);
  if (!m) {
    const lower = full.toLowerCase();
    return { ok: false, error: lower !== full && REFERENCE.test(lower) ? 'repository name must be lowercase' : 'invalid reference format' };
  }
  const name = NAME.exec(m[1]);
  const ref: ImageReference = { domain: name?.[1] ?? '', path: name?.[2] ?? m[1] };
  if (ref.path.length > NAME_TOTAL_LENGTH_MAX) return { ok: false, error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
  if (m[2]) ref.tag = m[2];
  if (m[3]) {
    const problem = digestProblem(m[3]);
    if (problem) return { ok: false, error: problem };
    ref.digest = m[3];
  }
  return { ok: true, ref };
}

/** ParseNormalizedNamed: the reference, or distribution/reference's error text (remembered, bounded). */
export function parseImageReference(image: string): ImageParse {
  let result = parsed.get(image);
  if (!result) {
    result = parseUncached(image);
    if (parsed.size >= 4096) parsed.clear();
    parsed.set(image, result);
  }
  return result;
}

/** The reference containerd resolves (ParseDockerRef): a digest wins over a tag, :latest when neither. */
export function canonicalImageRef(ref: ImageReference): string {
  const name = `${ref.domain}/${ref.path}`;
  if (ref.digest) return `${name}@${ref.digest}`;
  return `${name}:${ref.tag ?? 'latest'}`;
}
