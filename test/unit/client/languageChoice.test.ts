import { strict as assert } from 'node:assert';
import { chosenLanguage, vscodeBundleFits } from '../../../client/src/languageChoice';

describe('client: kubemate.language decides the client language too', () => {
  // setting, VS Code display language → language shown, can vscode.l10n's bundle be used?
  const rows: [string | undefined, string, 'zh-cn' | 'en', boolean][] = [
    ['auto', 'en', 'en', true],
    ['auto', 'zh-cn', 'zh-cn', true],
    ['auto', 'zh-tw', 'zh-cn', false], // no zh-tw bundle: load ours
    [undefined, 'de', 'en', true],
    ['zh-cn', 'en', 'zh-cn', false], // a Chinese learner with an English VS Code
    ['zh-cn', 'zh-cn', 'zh-cn', true],
    ['en', 'zh-cn', 'en', false], // VS Code loaded the Chinese bundle: use no bundle
    ['en', 'fr', 'en', true],
  ];
  for (const [setting, display, lang, fits] of rows) {
    it(`${setting ?? '(unset)'} + VS Code ${display} → ${lang}${fits ? '' : ', own bundle'}`, () => {
      assert.equal(chosenLanguage(setting, display), lang);
      assert.equal(vscodeBundleFits(lang, display), fits);
    });
  }
});
