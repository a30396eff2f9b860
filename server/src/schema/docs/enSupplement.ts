// English text written by this project for the few core fields whose upstream schema has no
// description (apiVersion/kind of every kind, IngressRule.http), so `--lang en` never falls back
// to Chinese. Upstream descriptions always win when they exist.
import type { DocsFile } from '../schemaTypes';
import supplement from './en/supplement.json';

const EN = supplement as DocsFile;

export function enSupplementDescription(typeKey: string, field = ''): string | undefined {
  return EN[typeKey]?.[field];
}

export function enSupplementDocs(): DocsFile {
  return EN;
}
