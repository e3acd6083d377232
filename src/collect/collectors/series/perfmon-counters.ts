/**
 * Windows PDH counter paths (`\\HOST\Object(Instance)\Counter`) and their localised names.
 * Perfmon writes counter names in the language of the Windows install; we map the counters dcplan uses back to
 * English. The table covers Russian, German, French and Spanish names of those counters (best effort: add a line
 * when a customer's file uses another language — unknown counters are reported, never guessed).
 */

export interface CounterPath {
  host: string;
  /** Lower-case English object name, e.g. `processor`, `memory`, `process`, `physicaldisk`. */
  object: string;
  instance: string | undefined;
  /** Lower-case English counter name, e.g. `% processor time`. */
  counter: string;
  /** True when a localised name was translated. */
  translated: boolean;
}

const OBJECTS: Record<string, string> = {
  processor: 'processor', 'processor information': 'processor', memory: 'memory', process: 'process',
  physicaldisk: 'physicaldisk', logicaldisk: 'logicaldisk', 'network interface': 'network interface',
  'network adapter': 'network interface',
  // Russian
  'процессор': 'processor', 'сведения о процессоре': 'processor', 'память': 'memory', 'процесс': 'process',
  'физический диск': 'physicaldisk', 'логический диск': 'logicaldisk', 'сетевой интерфейс': 'network interface',
  // German
  prozessor: 'processor', prozessorinformationen: 'processor', speicher: 'memory', prozess: 'process',
  'physikalischer datenträger': 'physicaldisk', 'logischer datenträger': 'logicaldisk',
  netzwerkschnittstelle: 'network interface',
  // French
  processeur: 'processor', 'mémoire': 'memory', processus: 'process', 'disque physique': 'physicaldisk',
  'disque logique': 'logicaldisk', 'interface réseau': 'network interface',
  // Spanish
  procesador: 'processor', memoria: 'memory', proceso: 'process', 'disco físico': 'physicaldisk',
  'disco lógico': 'logicaldisk', 'interfaz de red': 'network interface',
};

const COUNTERS: Record<string, string> = {
  // Russian
  '% загруженности процессора': '% processor time', '% времени бездействия': '% idle time',
  'доступно мб': 'available mbytes', 'доступно мбайт': 'available mbytes',
  '% использования выделенной памяти': '% committed bytes in use', 'рабочий набор': 'working set',
  'обращений к диску/с': 'disk transfers/sec', 'всего байт/с': 'bytes total/sec',
  'i/o - запись байт в сек': 'io write bytes/sec', 'i/o - чтение байт в сек': 'io read bytes/sec',
  // German
  'prozessorzeit (%)': '% processor time', 'leerlaufzeit (%)': '% idle time', 'verfügbare mb': 'available mbytes',
  'zugesicherte verwendete bytes (%)': '% committed bytes in use', arbeitsseiten: 'working set',
  'übertragungen/s': 'disk transfers/sec', 'bytes gesamt/s': 'bytes total/sec',
  // French
  '% temps processeur': '% processor time', '% temps d’inactivité': '% idle time', "% temps d'inactivité": '% idle time',
  'mégaoctets disponibles': 'available mbytes', "pourcentage d'octets dédiés utilisés": '% committed bytes in use',
  'jeu de travail': 'working set', 'transferts disque/s': 'disk transfers/sec', 'total des octets/s': 'bytes total/sec',
  // Spanish
  '% de tiempo de procesador': '% processor time', 'mbytes disponibles': 'available mbytes',
  '% de bytes confirmados en uso': '% committed bytes in use', 'espacio de trabajo': 'working set',
  'transferencias de disco/s': 'disk transfers/sec', 'total de bytes/s': 'bytes total/sec',
};

/** Parses `\\HOST\Object(Instance)\Counter` (instance optional). Undefined when the text is not a counter path. */
export function parseCounterPath(text: string): CounterPath | undefined {
  if (!text.startsWith('\\\\')) return undefined;
  const rest = text.slice(2);
  const s1 = rest.indexOf('\\');
  const s2 = rest.lastIndexOf('\\');
  if (s1 < 0 || s2 <= s1) return undefined;
  const host = rest.slice(0, s1);
  const objPart = rest.slice(s1 + 1, s2);
  const counterRaw = rest.slice(s2 + 1).trim().toLowerCase();
  const open = objPart.indexOf('(');
  const objRaw = (open >= 0 ? objPart.slice(0, open) : objPart).trim().toLowerCase();
  const instance = open >= 0 && objPart.endsWith(')') ? objPart.slice(open + 1, -1) : undefined;
  const object = OBJECTS[objRaw] ?? objRaw;
  const counter = COUNTERS[counterRaw] ?? counterRaw;
  return { host, object, instance, counter, translated: object !== objRaw || counter !== counterRaw };
}
