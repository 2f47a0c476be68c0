/**
 * Prototype pollution detector for readiness: a process whose built-in prototypes
 * were written to (by a `map[key] = …` with a client's key, in our code or a
 * library's) answers wrongly for every user until restarted, so it must stop
 * reporting ready. See docs/robustness.md.
 */
const PROTOTYPES: ReadonlyArray<readonly [string, object]> = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
  ['Number', Number.prototype],
  ['Boolean', Boolean.prototype],
];

/** Object.prototype's members as the process started (a pollution may overwrite toString and not add a key). */
const ORIGINAL_MEMBERS: ReadonlyMap<string, unknown> = new Map(
  Object.getOwnPropertyNames(Object.prototype).map((name) => [
    name,
    Object.getOwnPropertyDescriptor(Object.prototype, name)?.value,
  ]),
);

/** Names of what was added to or changed on a built-in prototype; empty when intact. */
export function prototypePollution(): string[] {
  // Built-in members are not enumerable; an assignment `proto[key] = value` makes an enumerable one.
  const found = PROTOTYPES.flatMap(([name, prototype]) =>
    Object.keys(prototype).map((key) => `${name}.prototype.${key}`),
  );
  for (const name of Object.getOwnPropertyNames(Object.prototype)) {
    const value = Object.getOwnPropertyDescriptor(Object.prototype, name)?.value;
    if (!ORIGINAL_MEMBERS.has(name) || ORIGINAL_MEMBERS.get(name) !== value) found.push(`Object.prototype.${name}`);
  }
  return [...new Set(found)];
}
