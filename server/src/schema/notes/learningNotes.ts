// Learning notes: short bilingual lessons on the behaviour behind the fields developers touch
// most, keyed like the docs (type key + field). Written by this project.

export interface LearningNote {
  en: string;
  zhCn: string;
  /** kubernetes.io concept page path after /docs/ (e.g. "concepts/workloads/controllers/deployment/"). */
  page: string;
}

import { NOTE_FILES } from './notesIndex';

let merged: Record<string, Record<string, LearningNote>> | undefined;

export function learningNotes(): Record<string, Record<string, LearningNote>> {
  if (!merged) {
    merged = {};
    for (const file of NOTE_FILES) {
      for (const [type, fields] of Object.entries(file)) merged[type] = { ...(merged[type] ?? {}), ...fields };
    }
  }
  return merged;
}

export function learningNote(typeKey: string, field: string): LearningNote | undefined {
  return learningNotes()[typeKey]?.[field];
}

export function noteLinks(note: LearningNote): { en: string; zhCn: string } {
  return { en: `https://kubernetes.io/docs/${note.page}`, zhCn: `https://kubernetes.io/zh-cn/docs/${note.page}` };
}
