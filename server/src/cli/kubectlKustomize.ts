// Renders a kustomization with the real kustomize when one is on the PATH (`kustomize build` or
// `kubectl kustomize`), and says which renderer was used. Runs it only when the built-in reading
// found nothing that could reach the network or run other programs (remote resources, Helm charts,
// plugins): KubeMate never goes online. Falls back to the built-in rendering on any failure.
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { KustomizeResult, RenderedObject } from '../kustomize/renderKustomization';
import { renderKustomization } from '../kustomize/renderKustomization';
import type { Obj } from '../kustomize/objectPaths';
import { isObj, kindOf, nameOf, namespaceOf } from '../kustomize/objectPaths';
import { diskKustomizeFs } from './diskKustomizeFs';

type Renderer = 'kustomize' | 'kubectl' | 'built-in';

export interface Rendered extends KustomizeResult {
  renderer: Renderer;
  /** Why the external renderer was not used or failed (English, for --verbose / logs). */
  fallbackReason?: string;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

export function renderWithBestTool(dir: string, env: NodeJS.ProcessEnv = process.env, allowExternal = true): Rendered {
  const builtIn = renderKustomization(dir, diskKustomizeFs);
  if (!allowExternal || env.KUBEMATE_KUSTOMIZE === 'built-in') return { ...builtIn, renderer: 'built-in', fallbackReason: 'external renderer disabled' };
  // Anything that could make kustomize fetch or execute: stay built-in.
  if (builtIn.problems.some((p) => p.severity !== 'information' || /Helm|not rendered/.test(p.message)))
    return { ...builtIn, renderer: 'built-in', fallbackReason: 'the kustomization has problems or fields the external renderer might fetch for' };
  const kustomize = onPath('kustomize', env);
  const kubectl = kustomize ? undefined : onPath('kubectl', env);
  if (!kustomize && !kubectl) return { ...builtIn, renderer: 'built-in', fallbackReason: 'neither kustomize nor kubectl is on the PATH' };
  let text: string;
  try {
    text = execFileSync(kustomize ?? (kubectl as string), kustomize ? ['build', dir] : ['kustomize', dir], {
      encoding: 'utf8',
      timeout: 15000,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...env, KUSTOMIZE_PLUGIN_HOME: '/nonexistent' },
    });
  } catch (e) {
    return {
      ...builtIn,
      renderer: 'built-in',
      fallbackReason: `${kustomize ? 'kustomize build' : 'kubectl kustomize'} failed: ${(e as { stderr?: string }).stderr?.split('\n')[0] ?? String(e)}`,
    };
  }
  // Keep the built-in's source locations: match objects by kind, namespace and name.
  const key = (o: Obj) => `${kindOf(o)}/${namespaceOf(o) ?? ''}/${nameOf(o)}`;
  const sources = new Map(builtIn.objects.map((r) => [key(r.object), r]));
  const objects: RenderedObject[] = [];
  for (const doc of parseAllDocuments(text, { logLevel: 'error' })) {
    const o = doc.toJS() as unknown;
    if (!isObj(o)) continue;
    const src = sources.get(key(o));
    objects.push({
      object: o,
      file: src?.file ?? builtIn.kustomizations[0] ?? dir,
      index: src?.index ?? 0,
      line: src?.line ?? 1,
      ...(src?.generated ? { generated: src.generated } : {}),
    });
  }
  return { objects, problems: builtIn.problems, kustomizations: builtIn.kustomizations, renderer: kustomize ? 'kustomize' : 'kubectl' };
}
