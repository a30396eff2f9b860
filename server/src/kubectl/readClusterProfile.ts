// A cluster profile (`--cluster F`, `.kubemate/cluster.yaml`): its text read by the one manifest
// reader and turned into Node objects; problems name file:line.
import { loadClusterProfile } from '../cluster/clusterProfile';
import type { KObject } from '../cluster/types';
import { readManifestText } from './readManifests';

export interface ProfileRead {
  nodes?: KObject[];
  problems: string[];
}

export function readClusterProfile(label: string, text: string): ProfileRead {
  const read = readManifestText(text, label);
  const profile = loadClusterProfile(read.objects.map((o) => ({ obj: o.obj, file: o.file, line: o.line })));
  const problems = [...read.problems, ...profile.problems];
  return problems.length ? { problems } : { nodes: profile.nodes, problems };
}
