// A cluster profile (`--cluster F`, `.kubemate/cluster.yaml`): its text read by the one manifest
// reader and turned into Node objects and simulation entries; problems name file:line.
import { loadClusterProfile } from '../cluster/clusterProfile';
import type { KObject } from '../cluster/types';
import { readManifestText } from './readManifests';
import type { ImageBehaviour } from '../cluster/runtime/simulationProfile';

export interface ProfileRead {
  /** Set when the profile is usable; undefined nodes inside: the default nodes. */
  ok?: { nodes?: KObject[]; simulation: ImageBehaviour[] };
  /** The profile's nodes (undefined: none given, or not usable). */
  nodes?: KObject[];
  problems: string[];
}

export function readClusterProfile(label: string, text: string): ProfileRead {
  const read = readManifestText(text, label);
  const profile = loadClusterProfile(read.objects.map((o) => ({ obj: o.obj, file: o.file, line: o.line })));
  const problems = [...read.problems, ...profile.problems];
  return problems.length ? { problems } : { ok: { nodes: profile.nodes, simulation: profile.simulation }, nodes: profile.nodes, problems };
}
