// What every handler shares, owned in one place: the connection, open documents, the parse
// cache, the schema, the settings (and the message language they select), the workspace index,
// the diagnostics publisher and the CodeLens refresher. Only server.ts and handlers/ touch the
// LSP connection.
import { CodeLens, Connection, ErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments } from 'vscode-languageserver/node';
import type { NotificationType, RequestType } from '../protocol/clusterProtocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../yaml/documentCache';
import type { ParsedFile } from '../yaml/parsedFile';
import type { Schema } from '../schema/schema';
import { docsOrder } from '../features/hover/docsLanguage';
import { languageOf, setLanguage, Lang, t } from '../util/l10n';
import { LintSettings, normalizeLintSettings } from '../features/lint/lintConfig';
import { aboveSizeLimit, changedSettings, DEFAULT_SETTINGS, KubemateSettings, SettingKey } from '../protocol/settings';
import { parseFile } from '../yaml/parsedFile';
import { WorkspaceState } from './workspaceHandler';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { LensRefresher } from './lensRefresher';
import { lspDiagnostics } from './diagnosticsHandler';
import { workspaceSchema } from '../pipeline/workspaceSchema';
import type { FileDiagnosticsMemo } from '../pipeline/documentRuns';
import type { DiagnosticList } from './diagnosticList';
import type { LoadedConfig } from '../kubectl/projectConfigFile';
import { EMPTY_PROJECT_CONFIG, ignoreMatcher } from '../workspace/projectConfig';
import { dirname, relative } from 'node:path';

/** CodeLens providers that a setting turns off (the others always show). */
const LENS_SETTINGS: Record<string, SettingKey> = { 'dry-run': 'codeLens.dryRun' };

/** What features see of a document above the size limit: nothing. */
const TOO_LARGE = parseFile('');

export class ServerContext {
  readonly cache = new DocumentCache();
  /** The workspace index (files on disk and open editors), sharing the parse cache's chunks. */
  readonly workspace = new WorkspaceState(this.cache.chunks);
  readonly publisher: DiagnosticsPublisher;
  /** Per open document: the findings of its previous version, by document (pipeline/documentRuns; dropped on close). */
  readonly diagnosticsMemos = new Map<string, FileDiagnosticsMemo>();
  /** Per open document: its last diagnostics as LSP Diagnostics (handlers/diagnosticList; dropped on close). */
  readonly diagnosticLists = new Map<string, DiagnosticList>();
  readonly lenses: LensRefresher;
  /**
   * Files being opened progressively (handlers/progressiveOpen) → settles when the open ends.
   * Whole-file answers the editor asks for by itself right after an open (outline, CodeLenses,
   * links) wait for it instead of finishing the parse at once in one blocking turn.
   */
  readonly openings = new Map<string, Promise<void>>();
  private current: KubemateSettings = DEFAULT_SETTINGS;
  /** The lint part of the settings, one object while unchanged (lintConfig memoises on it). */
  private lintSettings: LintSettings = normalizeLintSettings({});
  /**
   * The workspace's `.kubemate.yaml` (the one `kubemate check` reads): its rule levels, lints and
   * cross-file switches and ignored paths apply in the editor too; VS Code settings win over it.
   */
  private project: LoadedConfig = { config: EMPTY_PROJECT_CONFIG, problems: [] };
  /** The client's display language (initialize `locale`), used when `kubemate.language` is `auto`. */
  private clientLocale: string | undefined;
  private lensProviders: { name: string; provide: (doc: TextDocument) => CodeLens[] }[] = [];

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    private readonly schemaLoader: () => Schema,
  ) {
    this.publisher = new DiagnosticsPublisher(connection, documents, (doc) => lspDiagnostics(this, doc));
    this.lenses = new LensRefresher(connection);
  }

  private schemaInstance: Schema | undefined;
  /** The built-in (and bundled) kinds with those of the workspace's CRDs laid over them. */
  get schema(): Schema {
    this.schemaInstance ??= this.schemaLoader();
    return workspaceSchema(this.schemaInstance, this.workspace.index);
  }

  get settings(): KubemateSettings {
    return this.current;
  }

  get lint(): LintSettings {
    return this.lintSettings;
  }

  /** The message language: `kubemate.language`, or the client's display language for `auto`. */
  get language(): Lang {
    const l = this.current.language;
    return l === 'auto' ? languageOf(this.clientLocale) : l;
  }

  /**
   * Takes new settings and applies what they change: the message language (then every open
   * document is re-published, so memoised messages are re-rendered), rule levels, lenses.
   * Returns the keys that changed, for the handlers to react (e.g. a rescan for index.maxFiles).
   */
  applySettings(next: KubemateSettings, clientLocale = this.clientLocale): Set<SettingKey> {
    const changed = changedSettings(this.current, next);
    const before = this.language;
    this.current = next;
    this.clientLocale = clientLocale;
    const languageChanged = this.language !== before;
    setLanguage(this.language);
    if (changed.has('lint.enabled') || changed.has('lint.rules')) this.lintSettings = this.mergedLint();
    if (languageChanged || changed.has('lint.enabled') || changed.has('lint.rules')) this.publisher.scheduleAll();
    if (languageChanged || changed.has('codeLens.dryRun')) this.lenses.refresh();
    if (changed.has('maxFileSizeMB')) {
      this.toldTooLarge.clear();
      this.publisher.scheduleAll();
    }
    return changed;
  }

  /** `.kubemate.yaml` levels, then the VS Code settings' per code; lints run when neither turns them off. */
  private mergedLint(): LintSettings {
    const c = this.project.config;
    return normalizeLintSettings({ enabled: this.current['lint.enabled'] && c.lintEnabled !== false, rules: { ...c.rules, ...this.current['lint.rules'] } });
  }

  get projectConfig(): LoadedConfig {
    return this.project;
  }

  /** Takes a (re)read `.kubemate.yaml` and re-publishes every open document. */
  applyProjectConfig(loaded: LoadedConfig): void {
    this.project = loaded;
    this.lintSettings = this.mergedLint();
    this.publisher.scheduleAll();
  }

  /** Is this file ignored by `.kubemate.yaml` (neither indexed nor checked)? */
  isIgnoredPath(path: string): boolean {
    const { config, path: configPath } = this.project;
    if (!configPath || !config.ignore.length) return false;
    const rel = relative(dirname(configPath), path);
    return !rel.startsWith('..') && ignoreMatcher(config.ignore)(rel);
  }

  /**
   * The document's parse — an empty one for a document above `kubemate.maxFileSizeMB`, so every
   * feature (diagnostics, hover, completion, symbols, the index) steps back on it; the user is
   * told once per document.
   */
  parsed(doc: TextDocument): ParsedFile {
    const text = doc.getText();
    if (aboveSizeLimit(text.length, this.current.maxFileSizeMB)) {
      this.tellTooLarge(doc.uri, text.length);
      return TOO_LARGE;
    }
    return this.cache.get(doc.uri, doc.version, () => text);
  }

  private toldTooLarge = new Set<string>();
  private tellTooLarge(uri: string, length: number): void {
    if (this.toldTooLarge.has(uri)) return;
    this.toldTooLarge.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    const mb = (length / 1024 / 1024).toFixed(1);
    // A notification, not window/showMessageRequest: nothing to answer, nothing to reject.
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: t(
        '{0} is {1} MB, above the {2} MB limit (kubemate.maxFileSizeMB): KubeMate leaves this file alone — no checks, hover, completion or outline.',
        name,
        mb,
        String(this.current.maxFileSizeMB),
      ),
    });
  }

  docsOrder(): Lang[] {
    return docsOrder(this.current['docs.language'], this.language);
  }

  /** Settles when the progressive open of `uri` (if one runs) has ended. */
  afterOpen(uri: string): Promise<void> {
    return this.openings.get(uri) ?? Promise.resolve();
  }

  /**
   * CodeLenses come from several areas (dry-run, navigation) but LSP allows one handler:
   * each area adds a provider here and the first one registers the handler that merges them.
   * A provider named in LENS_SETTINGS shows only while its setting is on.
   */
  addCodeLensProvider(name: string, provide: (doc: TextDocument) => CodeLens[]): void {
    this.lensProviders.push({ name, provide });
    if (this.lensProviders.length > 1) return;
    this.connection.onCodeLens(async (params) => {
      await this.afterOpen(params.textDocument.uri);
      const doc = this.documents.get(params.textDocument.uri);
      if (!doc) return [];
      return this.lensProviders
        .filter((p) => !LENS_SETTINGS[p.name] || this.current[LENS_SETTINGS[p.name]] !== false)
        .flatMap((p) => this.guard(`codeLens (${p.name})`, [] as CodeLens[], () => p.provide(doc)));
    });
  }

  /**
   * Answers a custom request of protocol/clusterProtocol.ts. The handler's params and result are
   * checked against the request's declared types (the client checks the same declaration when it
   * sends). An exception is logged and answered with an error the client can show.
   */
  onRequest<P, R>(type: RequestType<P, R>, name: string, handler: (params: P) => R): void {
    const answer = (params: P): R => {
      try {
        return handler(params);
      } catch (e) {
        this.connection.console.error(`[kubemate] ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        throw new ResponseError(ErrorCodes.InternalError, t('KubeMate could not finish this: {0}', e instanceof Error ? e.message : String(e)));
      }
    };
    // The jsonrpc layer is untyped (any params); the declaration typed `answer` above.
    this.connection.onRequest(type.method, answer as (params: unknown) => unknown);
  }

  /** Handles a custom notification of protocol/clusterProtocol.ts, its params typed by the declaration. */
  onNotification<P>(type: NotificationType<P>, name: string, handler: (params: P) => void): void {
    this.connection.onNotification(type.method, (params: P) => this.guard(name, undefined, () => handler(params)));
  }

  /** Runs a handler; an exception is logged and answered with `fallback`, never a crash. */
  guard<T>(name: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      this.connection.console.error(`[kubemate] ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }
}
