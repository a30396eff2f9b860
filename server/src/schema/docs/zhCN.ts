// Chinese field descriptions written by this project, keyed by type key and field name
// ("apps.v1.DeploymentSpec" → "replicas" → text; "" is the type itself). One JSON file per
// API area under zh-cn/; a coverage test keeps them complete and free of stale keys.
import type { DocsFile } from '../schemaTypes';
import { ZH_CN_FILES } from './zh-cn/index';

let merged: DocsFile | undefined;

export function zhCnDocs(): DocsFile {
  if (!merged) {
    merged = {};
    for (const file of ZH_CN_FILES) {
      for (const [type, fields] of Object.entries(file)) merged[type] = { ...(merged[type] ?? {}), ...fields };
    }
  }
  return merged;
}

export function zhCnDescription(typeKey: string, field = ''): string | undefined {
  return zhCnDocs()[typeKey]?.[field];
}
