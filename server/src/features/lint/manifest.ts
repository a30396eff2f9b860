// One Kubernetes object as the lint rules see it: the plain value to reason about, the YAML
// nodes to place findings on, and where its pod spec and containers live.
import { isMap, isScalar, Node } from 'yaml';
import { TEMPLATE_PATH } from '../../k8s/validateWorkload';
import { arr, get, obj, Obj, str } from '../../k8s/objectAccess';
import { splitApiVersion } from '../../k8s/resources';
import { deepestAlong, nodeAtPath } from '../../yaml/nodeAtPath';

export type Path = (string | number)[];

export interface ContainerAt {
  /** Path of the container map inside the manifest, e.g. ['spec','template','spec','containers',0]. */
  path: Path;
  value: Obj;
  name: string;
  init: boolean;
}

/** API groups whose kinds KubeMate lints; a `Deployment` of some other group is a custom resource. */
const LINTED_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'policy', 'networking.k8s.io']);
/** A Pod's own spec and metadata (shared, like TEMPLATE_PATH's paths: read, never changed). */
const POD_PATH: Path = [];

export class Manifest {
  private containerCache?: ContainerAt[];
  private appContainerCache?: ContainerAt[];

  constructor(
    readonly root: Node,
    readonly value: Obj,
    readonly kind: string,
    readonly apiVersion: string,
    /** Path of this object inside its document: [] or ['items', i] in a `kind: List`. */
    readonly basePath: Path,
  ) {}

  private builtInCache?: boolean;

  get builtIn(): boolean {
    this.builtInCache ??= LINTED_GROUPS.has(splitApiVersion(this.apiVersion).group);
    return this.builtInCache;
  }

  get name(): string {
    return str(get(this.value, 'metadata', 'name')) ?? '';
  }

  get(...path: Path): unknown {
    return get(this.value, ...path);
  }

  has(...path: Path): boolean {
    return this.get(...path) !== undefined;
  }

  /** Offsets (within the document) of the key or value at `path`; a missing path points at the nearest key on the way. */
  range(path: Path, which: 'key' | 'value'): [number, number] {
    const exact = nodeAtPath(this.root, path);
    let node: Node | undefined;
    if (exact) {
      node = which === 'key' ? (exact.key ?? firstKey(exact.value)) : isScalar(exact.value) ? exact.value : (exact.key ?? firstKey(exact.value));
    } else {
      const { nodes } = deepestAlong(this.root, path);
      node = nodes.key ?? firstKey(nodes.value);
    }
    return node?.range ? [node.range[0], node.range[1]] : [0, 1];
  }

  /** Where the pod template's metadata and spec live for this kind (Pod: the object itself). */
  podPath(): Path | undefined {
    if (!this.builtIn) return undefined;
    if (this.kind === 'Pod') return POD_PATH;
    return TEMPLATE_PATH[this.kind];
  }

  podSpec(): Obj | undefined {
    const p = this.podPath();
    return p ? obj(this.get(...p, 'spec')) : undefined;
  }

  /** Containers (and init containers) of the pod spec, with their paths. */
  containers(includeInit = false): ContainerAt[] {
    if (!this.containerCache) {
      const p = this.podPath();
      const out: ContainerAt[] = [];
      if (p) {
        for (const field of ['initContainers', 'containers'] as const) {
          arr(this.get(...p, 'spec', field)).forEach((c, i) => {
            const value = obj(c);
            if (value) out.push({ path: [...p, 'spec', field, i], value, name: str(value.name) ?? '', init: field === 'initContainers' });
          });
        }
      }
      this.containerCache = out;
    }
    if (includeInit) return this.containerCache;
    this.appContainerCache ??= this.containerCache.filter((c) => !c.init);
    return this.appContainerCache;
  }

  /** A container is named by its `name` value; without one, by its first key. */
  containerAnchor(c: ContainerAt): [Path, 'key' | 'value'] {
    return c.value.name !== undefined ? [[...c.path, 'name'], 'value'] : [c.path, 'key'];
  }
}

function firstKey(n: unknown): Node | undefined {
  if (isMap(n) && n.items[0]?.key) return n.items[0].key as Node;
  return n as Node | undefined;
}
