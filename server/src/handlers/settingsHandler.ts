// The settings channel, server side: the client sends every `kubemate.*` setting in
// `initializationOptions.settings` (protocol/settings.ts) and forwards changes as
// workspace/didChangeConfiguration with the `kubemate` section; a client that sends no section
// is asked for it (workspace/configuration). ServerContext.applySettings applies them.
import type { DidChangeConfigurationParams, InitializeParams } from 'vscode-languageserver/node';
import type { InitializationOptions } from '../protocol/clusterProtocol';
import { readSettings, SettingKey, settingsFromSection, SETTINGS_SECTION } from '../protocol/settings';
import { maxFilesChanged } from './workspaceHandler';
import type { ServerContext } from './serverContext';

/** From onInitialize: the settings the client sent and its display language. */
export function initializeSettings(ctx: ServerContext, params: InitializeParams): void {
  const given = ((params.initializationOptions ?? {}) as InitializationOptions).settings ?? {};
  ctx.applySettings(
    readSettings((key) => given[key]),
    params.locale,
  );
}

export function registerSettings(ctx: ServerContext): void {
  ctx.connection.onDidChangeConfiguration((params: DidChangeConfigurationParams) =>
    ctx.guard('settings', undefined, () => {
      const section = (params.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
      if (section !== undefined && section !== null) return react(ctx, ctx.applySettings(settingsFromSection(section)));
      if (!ctx.workspace.caps.configuration) return;
      void ctx.connection.workspace.getConfiguration(SETTINGS_SECTION).then(
        (pulled: unknown) =>
          ctx.guard('settings', undefined, () =>
            pulled && typeof pulled === 'object' ? react(ctx, ctx.applySettings(settingsFromSection(pulled))) : undefined,
          ),
        () => undefined,
      );
    }),
  );
}

function react(ctx: ServerContext, changed: Set<SettingKey>): void {
  if (changed.has('index.maxFiles')) maxFilesChanged(ctx);
}
