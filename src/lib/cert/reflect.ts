// @peculiar/x509 registers its algorithms through tsyringe, which refuses to load unless the
// Reflect metadata API exists. That API is a proposal no engine ships, so define the four calls
// tsyringe and tslib's decorator helpers use, on a WeakMap, before x509.ts imports the library.
// Nothing else in the site reads this metadata.
type Key = unknown;
const store = new WeakMap<object, Map<Key, Map<Key, unknown>>>();

function table(target: object, prop: Key, create: boolean): Map<Key, unknown> | undefined {
  let byProp = store.get(target);
  if (!byProp && create) store.set(target, (byProp = new Map()));
  let t = byProp?.get(prop);
  if (!t && create && byProp) byProp.set(prop, (t = new Map()));
  return t;
}

const R = Reflect as unknown as Record<string, unknown>;
if (typeof R.getMetadata !== 'function') {
  const defineMetadata = (key: Key, value: unknown, target: object, prop?: Key) => void table(target, prop, true)!.set(key, value);
  const getOwnMetadata = (key: Key, target: object, prop?: Key) => table(target, prop, false)?.get(key);
  R.defineMetadata = defineMetadata;
  R.getOwnMetadata = getOwnMetadata;
  R.getMetadata = (key: Key, target: object, prop?: Key): unknown => {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t)) {
      const v = getOwnMetadata(key, t, prop);
      if (v !== undefined) return v;
    }
    return undefined;
  };
  R.metadata = (key: Key, value: unknown) => (target: object, prop?: Key) => defineMetadata(key, value, target, prop);
}

export {};
