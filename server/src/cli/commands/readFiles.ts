// `-f <file|dir>… [-R]` of apply and delete: the files (sub-folders only with -R, as kubectl),
// read by the one manifest reader; every problem printed on stderr.
import type { CliIO } from '../cliCommand';
import { collectFiles } from '../../kubectl/collectFiles';
import { readManifestFiles, ReadManifests } from '../../kubectl/readManifests';
import { t } from '../../util/l10n';

export function readFiles(paths: string[], recursive: boolean, io: CliIO): ReadManifests {
  const collected = collectFiles(paths, io.cwd, { recursive });
  const read = readManifestFiles(collected.files, io.cwd);
  const problems = [...collected.problems, ...read.problems];
  for (const p of problems) io.err(p);
  if (collected.skippedFolders)
    io.err(t('Note: {0} sub-folders were not read; kubectl apply -f reads only the files directly in a folder (add -R for more).', collected.skippedFolders));
  return { ...read, problems };
}
