// Reads a manifest file as text, refusing binary files with a clear message.
import { readFileSync } from 'node:fs';
import { t } from '../util/l10n';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

export function readTextFile(path: string, shown: string): ReadResult {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: t('{0}: no such file or directory', shown) };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: t('{0}: permission denied', shown) };
    if (code === 'EISDIR') return { ok: false, message: t('{0}: is a directory', shown) };
    return { ok: false, message: t('{0}: cannot read the file ({1})', shown, code ?? 'unknown') };
  }
  if (buf.subarray(0, 8000).includes(0)) return { ok: false, message: t('{0}: looks like a binary file, not YAML or JSON; skipped', shown) };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
