// Where Go's base64.StdEncoding.Decode stops on bad input: the API server decodes Secret
// `data` and ConfigMap `binaryData` ([]byte fields) with it, and rejects the object with
// "illegal base64 data at input byte N". Newlines are skipped; padding is required.
// upstream: go/src/encoding/base64/base64.go decodeQuantum (transcribed: same checks, same N).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const isNewline = (b: number) => b === 0x0a || b === 0x0d;

/** The byte offset Go reports for `text` (as UTF-8), or undefined when it decodes. */
export function base64ErrorOffset(text: string): number | undefined {
  const src = Buffer.from(text, 'utf8');
  let si = 0;
  for (;;) {
    // One quantum of four symbols.
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j; // a short final quantum: StdEncoding wants padding
      }
      const b = src[si++];
      if (DECODE[b] >= 0) continue;
      if (isNewline(b)) {
        j--;
        continue;
      }
      if (b !== 0x3d /* = */) return si - 1;
      // Padding: only after two or three symbols.
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return src.length; // "xx=" needs a second '='
        if (src[si] !== 0x3d) return si - 1;
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      return si < src.length ? si : undefined; // anything after the padding is garbage
    }
  }
}
