// What a person does in the VS Code workbench, as Playwright steps with bounded waits:
// open a folder, click a file, hover a word, run a command from the palette, read a side-bar tree.
// Selectors are VS Code's own DOM classes (stable across 1.9x–1.13x).

/** Retries `probe` until it returns a truthy value; throws `what` with the last error after `timeoutMs`. */
export async function retry(what, probe, { timeoutMs = 30_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      if (err instanceof FatalError) throw err;
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s: ${what}${last ? ` (last error: ${last.message ?? last})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function openWorkbench(page, server, folder) {
  await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/** Clicks a file in the Explorer (a person's way; keyboard shortcuts can land in other inputs). */
export async function openExplorerFile(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${escape(name)}$`) }).first();
  await row.click();
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 15_000 });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/** Hovers the first token equal to `word` until a hover whose text matches `expected` shows. */
export async function hoverWord(page, editor, word, expected, { timeoutMs = 60_000 } = {}) {
  const token = editor.locator('.view-line span span', { hasText: new RegExp(`^${escape(word)}$`) }).first();
  await token.waitFor();
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  let attempts = 0;
  // The language server may not have answered yet: move away and hover again until it does.
  const text = await retry(
    `a hover on "${word}" matching ${expected}`,
    async () => {
      attempts++;
      await page.mouse.move(5, 5);
      await token.hover();
      await hover.waitFor({ state: 'visible', timeout: 2000 });
      const t = await hover.innerText();
      return expected.test(t) && t;
    },
    { timeoutMs, intervalMs: 100 },
  );
  return { text, attempts, hover };
}

/** F1, type the command's title, pick the matching entry. */
export async function runCommand(page, title, { timeoutMs = 15_000 } = {}) {
  const quickInput = page.locator('.quick-input-widget');
  let attempt = 0;
  await retry(
    `the command palette to open for "${title}"`,
    async () => {
      // F1 is what a person presses; some focused widgets (the Running Extensions list) swallow it,
      // so every other attempt uses the palette's other binding.
      await page.keyboard.press(attempt++ % 2 === 0 ? 'F1' : 'Control+Shift+P');
      await quickInput.waitFor({ state: 'visible', timeout: 2000 });
      return true;
    },
    { timeoutMs },
  );
  await page.keyboard.type(title);
  const row = quickInput.locator('.monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: timeoutMs }).catch(() => {
    throw new Error(`the command palette has no entry "${title}" (is the command contributed and its title localised?)`);
  });
  const input = quickInput.locator('input').first();
  const typed = await input.inputValue();
  await row.click();
  // Done when the palette closed — or was reused at once by the command's own quick input (a picker, a dialog).
  await retry(`the command palette to run "${title}"`, async () => !(await quickInput.isVisible()) || (await input.inputValue()) !== typed, {
    timeoutMs,
    intervalMs: 100,
  });
}

/** The side-bar pane whose header says `title` (case-insensitive, as VS Code upper-cases it in CSS). */
export function viewPane(page, title) {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
}

/** Drags the sash between the side bar and the editor so tree labels are not cut off. */
export async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

/** Scrolls the bottom panel's output to its first line (the kubectl apply lines). */
export async function scrollOutputToTop(page) {
  const output = page.locator('.part.panel .monaco-editor').first();
  if (!(await output.isVisible().catch(() => false))) return;
  await output.click({ position: { x: 50, y: 10 } });
  await page.keyboard.press('Control+Home');
}

/** Visible rows of a tree pane as { label, description, expanded } (label = first text, description = `.label-description`). */
export async function treeRows(pane) {
  return pane.locator('.monaco-list-row').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? row.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      aria: row.getAttribute('aria-label') ?? '',
      level: Number(row.getAttribute('aria-level') ?? 0),
      index: row.getAttribute('data-index'),
      expanded: row.getAttribute('aria-expanded'),
    })),
  );
}

/**
 * Expands collapsed rows whose label matches `expand` (one per try) until `found(rows)` is truthy.
 * Only the path to the target is opened: the list is virtualised, rows scrolled out of the pane
 * are not in the DOM.
 */
export async function expandUntil(pane, what, found, { expand = /.*/, timeoutMs = 30_000 } = {}) {
  const emptySince = new Map();
  return retry(
    what,
    async () => {
      const rows = await treeRows(pane);
      const hit = found(rows);
      if (hit) return hit;
      if (await setExpanded(pane, expand, false)) return false;
      // A row that stays expanded with no children rendered will never show the target: fail with
      // what a person would see instead of waiting out the timeout.
      const empty = rows.find((r, i) => r.expanded === 'true' && expand.test(r.label) && !(rows[i + 1]?.level > r.level));
      if (empty) {
        const since = emptySince.get(empty.label) ?? Date.now();
        emptySince.set(empty.label, since);
        if (Date.now() - since > 3000) throw new FatalError(`while waiting for ${what}: "${empty.label}" is shown expanded but without any children`);
      }
      return false;
    },
    { timeoutMs, intervalMs: 300 },
  );
}

/** An error that retry() does not retry. */
export class FatalError extends Error {}

/** Collapses the expanded rows whose label matches `labels` (tidies the view for a screenshot). */
export async function collapseRows(pane, labels) {
  while (await setExpanded(pane, labels, true));
}

/** Clicks the twistie of the first row whose expanded state is `expanded` and label matches; false if none. */
async function setExpanded(pane, labels, expanded) {
  const rows = pane.locator(`.monaco-list-row[aria-expanded="${expanded}"]`);
  const found = await rows.evaluateAll((els) =>
    els.map((el) => ({
      name: el.querySelector('.label-name')?.textContent?.trim() ?? '',
      index: el.getAttribute('data-index'),
    })),
  );
  const hit = found.find((r) => labels.test(r.name));
  if (!hit) return false;
  const row = pane.locator(`.monaco-list-row[data-index="${hit.index}"]`);
  await row.locator('.monaco-tl-twistie').click();
  // Children come from the extension asynchronously: wait for the toggle to land before the next
  // click, or a second click on the still-collapsed row would undo it. Rows above keep their index.
  await row
    .and(pane.locator(`[aria-expanded="${!expanded}"]`))
    .waitFor({ timeout: 5000 })
    .catch(() => {});
  return true;
}

/**
 * VS Code's own activation time for an extension, from "Developer: Show Running Extensions":
 * code loading + the synchronous part of activate() (what the editor shows as "Activation: N ms").
 */
export async function runningExtensionActivationMs(page, displayName) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: displayName }).first();
  const text = await retry(`"${displayName}" with an activation time in Running Extensions`, async () => {
    const t = await row.innerText({ timeout: 2000 });
    return /Activation: \d+ms/.test(t) && t;
  });
  const ms = Number(/Activation: (\d+)ms/.exec(text)[1]);
  return { ms, text: text.replace(/\s+/g, ' ').trim(), close: () => closeModalEditor(page) };
}

/** VS Code 1.13x opens some editors (Running Extensions, Startup Performance) as a modal that keeps the keyboard. */
export async function closeModalEditor(page) {
  await page.keyboard.press('Escape');
  await page
    .locator('.runtime-extensions-editor')
    .waitFor({ state: 'hidden', timeout: 5000 })
    .catch(() => {});
}

/**
 * "Developer: Startup Performance" for one extension: VS Code's activation stats (ms: load code,
 * call activate, finish activate = until activate()'s promise resolved) and the extension host's
 * perf marks (will/didLoadExtensionCode, will/didActivateExtension). Reads the report through the
 * clipboard (the page needs clipboard-read permission): the editor renders only visible lines.
 */
export async function startupPerformance(page, extensionId) {
  await runCommand(page, 'Developer: Startup Performance');
  const editor = page.locator('.editor-instance .monaco-editor').last();
  const text = await retry(
    'the Startup Performance report to list the extension',
    async () => {
      await editor.click({ position: { x: 200, y: 100 } });
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+C');
      const t = await page.evaluate(() => navigator.clipboard.readText());
      return t.includes('Extension Activation Stats') && new RegExp(`\\|\\s*${escape(extensionId)}\\s*\\|`).test(t) && t;
    },
    { timeoutMs: 20_000, intervalMs: 500 },
  );
  const row = text.split('\n').find((l) => new RegExp(`^\\|\\s*${escape(extensionId)}\\s*\\|`).test(l));
  const [, eager, loadCode, callActivate, finishActivate, event] = row
    .split('|')
    .map((c) => c.trim())
    .slice(1);
  const marks = {};
  for (const line of text.split('\n')) {
    const m = new RegExp(`^code/extHost/(\\w+)/${escape(extensionId)}\\t(\\d+)`).exec(line);
    if (m) marks[m[1]] = Number(m[2]);
  }
  return {
    eager: eager === 'true',
    event,
    loadCodeMs: Number(loadCode),
    callActivateMs: Number(callActivate),
    finishActivateMs: Number(finishActivate),
    // From the marks: the time spent loading our bundle itself (Load Code above also counts waiting
    // for other extensions' modules queued before ours).
    codeLoadOnlyMs: marks.didLoadExtensionCode - marks.willLoadExtensionCode,
    activateCallToResolvedMs: marks.didActivateExtension - marks.willActivateExtension,
    marks,
  };
}

export function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
