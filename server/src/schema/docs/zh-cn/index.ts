// Every Chinese docs file, bundled into the server and CLI.
import type { DocsFile } from '../../schemaTypes';
import apisNetworkConfigRbac from './apis-network-config-rbac.json';
import apisWorkloadMeta from './apis-workload-meta.json';
import corePodspec from './core-podspec.json';
import coreVolumes from './core-volumes.json';
import status from './status.json';

export const ZH_CN_FILES: DocsFile[] = [apisNetworkConfigRbac, apisWorkloadMeta, corePodspec, coreVolumes, status];
