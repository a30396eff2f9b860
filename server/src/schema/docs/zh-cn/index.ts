// Every Chinese docs file, bundled into the server and CLI.
import type { DocsFile } from '../../schemaTypes';

export const ZH_CN_FILES: DocsFile[] = [];
