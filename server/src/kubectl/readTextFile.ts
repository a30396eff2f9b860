// Reads a manifest file as text, refusing binary files with a clear message.
import { readFileSync, statSync } from 'node:fs';
import { aboveSizeLimit, DEFAULT_SETTINGS } from '../protocol/settings';
import { t } from '../util/l10n';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Files above the default `kubemate.maxFileSizeMB` are skipped with a message, never read. */
export function readTextFile(path: string, shown: string, maxFileSizeMB = DEFAULT_SETTINGS.maxFileSizeMB): ReadResult {
  let buf: Buffer;
  try {
    const st = statSync(path);
    if (st.isFile() && aboveSizeLimit(st.size, maxFileSizeMB)) {
      return {
        ok: false,
        message: t(
          '{0}: skipped: the file is {1} MB, above the {2} MB limit for one file (kubemate.maxFileSizeMB)',
          shown,
          (st.size / 1024 / 1024).toFixed(1),
          String(maxFileSizeMB),
        ),
      };
    }
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: t('{0}: no such file or directory', shown) };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: t('{0}: permission denied', shown) };
    if (code === 'EISDIR') return { ok: false, message: t('{0}: is a directory', shown) };
    return { ok: false, message: t('{0}: cannot read the file ({1})', shown, code ?? 'unknown') };
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, message: t('{0}: UTF-16 text; KubeMate reads UTF-8 manifests: save the file as UTF-8; skipped', shown) };
  }
  if (buf.subarray(0, 8000).includes(0)) return { ok: false, message: t('{0}: looks like a binary file, not YAML or JSON; skipped', shown) };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
