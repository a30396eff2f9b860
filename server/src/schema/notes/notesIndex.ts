// Every learning-notes file, bundled into the server and CLI.
import type { LearningNote } from './learningNotes';
import workloads from './notes-workloads.json';
import servicesConfig from './notes-services-config.json';

export const NOTE_FILES: Record<string, Record<string, LearningNote>>[] = [workloads, servicesConfig];
