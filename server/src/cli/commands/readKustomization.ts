// `-k <dir>` of apply: the objects kustomize renders (the real kustomize when installed and the
// kustomization is local, the built-in rendering otherwise), every problem on stderr and which
// renderer ran in a note — as ReadManifests, so apply treats them like `-f` files.
import { resolve } from 'node:path';
import type { CliIO } from '../cliCommand';
import type { ReadManifests } from '../../kubectl/readManifests';
import { displayPath } from '../../kubectl/readManifests';
import { renderWithBestTool } from '../kubectlKustomize';
import { t } from '../../util/l10n';

export function readKustomization(dir: string, io: CliIO, env: NodeJS.ProcessEnv = process.env): ReadManifests {
  const full = resolve(io.cwd, dir);
  const r = renderWithBestTool(full, env);
  const problems: string[] = [];
  for (const p of r.problems) {
    const line = `${displayPath(p.file, io.cwd)}: ${p.message.split(full).join(displayPath(full, io.cwd))}`;
    if (p.severity === 'error') problems.push(line);
    io.err(line);
  }
  io.err(
    r.renderer === 'built-in'
      ? t("Note: rendered with KubeMate's built-in kustomize.")
      : t('Note: rendered with {0}.', r.renderer === 'kubectl' ? 'kubectl kustomize' : 'kustomize build'),
  );
  return {
    objects: r.objects.map((o) => ({ obj: o.object, file: displayPath(o.file, io.cwd), line: o.line })),
    problems,
    skipped: 0,
    documents: r.objects.length,
  };
}
