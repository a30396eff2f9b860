// What a value means, in both languages, for the enum fields of the core kinds
// (imagePullPolicy: IfNotPresent, type: ClusterIP, strategy RollingUpdate, status.phase …).
// Written by this project; hover and completion show it next to the field docs.
// Stop signals (Lifecycle.stopSignal, ContainerStatus.stopSignal) share one table, signals.json;
// the 31 real-time signals SIGRTMIN(+n)/SIGRTMAX(-n) have no fixed meaning and share one note.
import table from './enumValues.json';
import signals from './signals.json';

export interface ValueNote {
  zhCn: string;
  en: string;
}

const VALUES = table as Record<string, Record<string, Record<string, ValueNote>>>;
const SIGNALS = signals as Record<string, ValueNote>;
const SIGNAL_FIELDS = new Set(['core.v1.Lifecycle.stopSignal', 'core.v1.ContainerStatus.stopSignal']);

function signalNote(value: string): ValueNote | undefined {
  if (SIGNALS[value]) return SIGNALS[value];
  const rt = /^SIGRT(MIN|MAX)(?:([+-])([0-9]{1,2}))?$/.exec(value);
  if (!rt || (rt[1] === 'MIN' && rt[2] === '-') || (rt[1] === 'MAX' && rt[2] === '+')) return undefined;
  const name = value.slice(3);
  return {
    zhCn: `实时信号 ${name}：内核不赋予它固定含义，由程序自己约定用途。只有程序明确说明用它来优雅退出时才选它。`,
    en: `Real-time signal ${name}: the kernel gives it no fixed meaning; programs define their own use. Choose it only when the program documents it as its shutdown signal.`,
  };
}

export function enumValueNote(typeKey: string, field: string, value: string): ValueNote | undefined {
  if (SIGNAL_FIELDS.has(`${typeKey}.${field}`)) return signalNote(value);
  return VALUES[typeKey]?.[field]?.[value];
}

/** Every (type, field) the table covers, for the stale-key check. */
export function enumValueFields(): [typeKey: string, field: string, values: string[]][] {
  return Object.entries(VALUES).flatMap(([type, fields]) => Object.entries(fields).map(([f, v]) => [type, f, Object.keys(v)] as [string, string, string[]]));
}
