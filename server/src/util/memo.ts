// A typed slot in a per-document memo map (ParsedChunk.cache: one map per YAML document text,
// dropped with the document). The slot names the value's type and every input besides the
// document text, so a memo cannot be read back under inputs it was not computed for — the
// language above all: messages are localised when computed.
export type MemoInput = string | number | boolean;

export class MemoSlot<T, Inputs extends readonly MemoInput[] = []> {
  /** Keys built once per distinct inputs: a fresh string per lookup would be re-hashed each time. */
  private keys = new Map<string, string>();

  constructor(readonly name: string) {}

  /** The inputs of the last lookup and their key: per keystroke every document asks with the same inputs. */
  private lastInputs: readonly MemoInput[] = [];
  private lastKey = '';

  key(inputs: Inputs): string {
    if (inputs.length === 0) return this.name;
    if (sameInputs(inputs, this.lastInputs)) return this.lastKey;
    const joined = inputs.join('|');
    let k = this.keys.get(joined);
    if (k === undefined) this.keys.set(joined, (k = `${this.name}:${joined}`));
    this.lastInputs = [...inputs];
    this.lastKey = k;
    return k;
  }

  peek(cache: Map<string, unknown>, inputs: Inputs): T | undefined {
    return cache.get(this.key(inputs)) as T | undefined;
  }

  set(cache: Map<string, unknown>, inputs: Inputs, value: T): T {
    cache.set(this.key(inputs), value);
    return value;
  }

  get(cache: Map<string, unknown>, inputs: Inputs, compute: () => T): T {
    const k = this.key(inputs);
    const hit = cache.get(k) as T | undefined;
    if (hit !== undefined) return hit;
    const v = compute();
    cache.set(k, v);
    return v;
  }
}

function sameInputs(a: readonly MemoInput[], b: readonly MemoInput[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
