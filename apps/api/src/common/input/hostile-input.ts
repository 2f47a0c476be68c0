import { coded, DomainError, ErrorKind, type FieldMessages } from '../errors/domain-error';

/**
 * Checks every value a client sends (JSON body, query, route parameters, multipart
 * fields, the list parameters once parsed) before anything else reads it: each
 * finding is a 400 keyed by field, never a 500 further in. See docs/robustness.md.
 */

/** Deeper than any form the API accepts; a deeper value is refused before validation recurses into it. */
const MAX_INPUT_DEPTH = 32;

/**
 * Names of Object.prototype's own properties (`__proto__`, `constructor`, `toString`, …)
 * and `prototype`: as a key in client input they reach built-ins through an ordinary
 * `map[key]` lookup, so they are refused wherever they appear.
 */
const BUILT_IN_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const isBuiltInKey = (key: string): boolean => BUILT_IN_KEYS.has(key);

/** The codes of the refusals (libs/domain messages.ts), the 400's code and each field's. */
const INPUT_CODES = {
  tooDeep: 'request.too_deep',
  invalidText: 'request.invalid_text',
  invalidKey: 'request.invalid_key',
} as const;
type InputCode = (typeof INPUT_CODES)[keyof typeof INPUT_CODES];

interface InputFinding {
  code: InputCode;
  /** Field path → coded message, as in every other 400. */
  errors: FieldMessages;
}

/**
 * Text PostgreSQL and the clients can hold: no NUL (PostgreSQL refuses it in text) and
 * no lone UTF-16 surrogate (it cannot be written as UTF-8; it would turn into U+FFFD).
 */
// In a `u` pattern a well-formed pair is one code point, so \p{Cs} matches only a lone surrogate.
const LONE_SURROGATE = /\p{Cs}/u;
export const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

/**
 * The first kind of hostile input found in `value` with every field that has it, or
 * null. `root` names the value itself ('' for a body, whose fields are its keys).
 * Iterative, so a value nested thousands of levels deep cannot overflow the stack.
 */
function findHostileInput(value: unknown, root: string): InputFinding | null {
  const found: Record<InputCode, FieldMessages> = {
    [INPUT_CODES.tooDeep]: {},
    [INPUT_CODES.invalidText]: {},
    [INPUT_CODES.invalidKey]: {},
  };
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    const field = path === '' ? 'body' : path;
    if (typeof current === 'string') {
      if (!isStorableText(current))
        found[INPUT_CODES.invalidText][field] = INPUT_CODES.invalidText;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      // Keyed by the top-level field the nesting starts under: the full path is as deep as the value.
      found[INPUT_CODES.tooDeep][path.split('.')[0] || 'body'] = coded(INPUT_CODES.tooDeep, { max: MAX_INPUT_DEPTH });
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      const childPath = join(path, key);
      if (isBuiltInKey(key)) found[INPUT_CODES.invalidKey][childPath] = coded(INPUT_CODES.invalidKey, { key });
      else if (!isStorableText(key))
        found[INPUT_CODES.invalidText][join(path, '?')] = INPUT_CODES.invalidText;
      else stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  for (const code of Object.values(INPUT_CODES)) {
    if (Object.keys(found[code]).length > 0) return { code, errors: found[code] };
  }
  return null;
}

/** Throws the 400 for the first kind of hostile input in `value`. */
export function assertSafeInput(value: unknown, root: string): void {
  const finding = findHostileInput(value, root);
  if (finding) throw new DomainError(ErrorKind.Invalid, finding.code, {}, finding.errors);
}
