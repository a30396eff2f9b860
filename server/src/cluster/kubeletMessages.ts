// The kubelet's per-container event messages (upstream wording, pkg/kubelet/images and
// kuberuntime). Every pod of a workload gets the same ones, so each text is built once and
// shared by all its events (bounded caches).

type Cache = Map<unknown, string>;

function cached(cache: Cache, arg: unknown, text: (arg: unknown) => string): string {
  let s = cache.get(arg);
  if (s === undefined) {
    if (cache.size >= 4096) cache.clear();
    cache.set(arg, (s = text(arg)));
  }
  return s;
}

const pulling: Cache = new Map();
const pulled: Cache = new Map();
const present: Cache = new Map();
const created: Cache = new Map();
const started: Cache = new Map();

const pullingText = (image: unknown) => `Pulling image "${image}"`;
const pulledText = (image: unknown) => `Successfully pulled image "${image}" in 1s (1s including waiting)`;
const presentText = (image: unknown) => `Container image "${image}" already present on machine`;
const createdText = (name: unknown) => `Created container: ${name}`;
const startedText = (name: unknown) => `Started container ${name}`;

export function pullingMessage(image: string | undefined): string {
  return cached(pulling, image, pullingText);
}

export function pulledMessage(image: string | undefined): string {
  return cached(pulled, image, pulledText);
}

export function presentMessage(image: string | undefined): string {
  return cached(present, image, presentText);
}

export function createdMessage(name: string): string {
  return cached(created, name, createdText);
}

export function startedMessage(name: string): string {
  return cached(started, name, startedText);
}
