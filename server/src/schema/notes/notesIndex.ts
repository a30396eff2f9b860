// Every learning-notes file, bundled into the server and CLI.
import type { LearningNote } from './learningNotes';

export const NOTE_FILES: Record<string, Record<string, LearningNote>>[] = [];
