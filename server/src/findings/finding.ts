// Findings as data, the one shape every check produces once it is placed in a file: schema and
// API-server rules (features/diagnostics), lints (features/lint) and cross-file rules
// (features/crossRefs). The language server turns a Finding into an LSP Diagnostic, the CLI
// prints it; neither changes it. Pure types, no imports: every area may use them.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A severity, or `off` for a rule the user turned off. */
export type RuleLevel = Severity | 'off';

/** Zero-based, as in LSP. */
interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Another place involved in a finding (LSP relatedInformation): the object referenced, the duplicate… */
export interface RelatedInfo {
  location: { uri: string; range: Range };
  message: string;
}

export interface Finding {
  /** A code of the registry (pipeline/codeRegistry.ts); codes never change once released. */
  code: string;
  severity: Severity;
  /** Localised when the finding is computed (memos that hold findings key on the language). */
  message: string;
  /** In the file the finding is about. */
  range: Range;
  /** Cross-file findings link to the other documents involved. */
  related?: RelatedInfo[];
  /** For quick fixes, e.g. the suggested replacement. */
  data?: { replacement?: string; [k: string]: unknown };
}

/** A finding inside one YAML document, before it is placed: offsets relative to the document's text. */
export interface DocumentFinding {
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  data?: Finding['data'];
}
