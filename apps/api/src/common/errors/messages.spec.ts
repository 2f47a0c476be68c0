import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMessageCode, MESSAGES } from '@qonys/domain';
import { CONSTRAINT_CODES } from './validation-codes';

const API_SRC = join(__dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
const FILES = sources(API_SRC).map((path) => ({
  path: path.slice(API_SRC.length + 1),
  text: readFileSync(path, 'utf8'),
}));

/** The argument text of every call to `callee(` in `text`, parentheses balanced. */
function callArguments(text: string, callee: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf(callee); at !== -1; at = text.indexOf(callee, at + 1)) {
    let depth = 0;
    const start = at + callee.length;
    for (let i = start - 1; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        found.push(text.slice(start, i));
        break;
      }
    }
  }
  return found;
}

const stringLiterals = (code: string): string[] =>
  [...code.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);

describe('every message the API raises is a catalogue code', () => {
  const calls = FILES.flatMap(({ path, text }) =>
    ['new DomainError(', 'DomainError.invalid(', 'coded('].flatMap((callee) =>
      callArguments(text, callee).map((args) => ({ path, callee, args })),
    ),
  );

  it('finds the calls it checks', () => {
    expect(calls.length).toBeGreaterThan(100);
  });

  it('no DomainError or coded message carries free text (words in a sentence): every literal is a code, a key or a value', () => {
    const freeText = calls.flatMap(({ path, args }) =>
      stringLiterals(args)
        .filter((literal) => /\p{L}{2,}\s+\p{L}{2,}/u.test(literal.replace(/\$\{[^}]*\}/g, '')))
        .map((literal) => `${path}: ${literal}`),
    );
    expect(freeText).toEqual([]);
  });

  it('every dotted literal in those calls is a catalogue code', () => {
    const unknown = calls.flatMap(({ path, args }) =>
      stringLiterals(args)
        .filter((literal) => /^[a-z_]+\.[a-z_.]+$/.test(literal) && !isMessageCode(literal))
        .map((literal) => `${path}: ${literal}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every DTO decorator message is a catalogue code', () => {
    const messages = FILES.filter(({ path }) => path.endsWith('.dto.ts')).flatMap(({ path, text }) =>
      [...text.matchAll(/message:\s*('[^']*'|`[^`]*`|"[^"]*")/g)].map((m) => ({ path, message: m[1].slice(1, -1) })),
    );
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter(({ message }) => !isMessageCode(message))).toEqual([]);
  });

  it('every class-validator constraint a DTO uses maps to a code', () => {
    // Decorators that add a constraint, by the name class-validator reports it under.
    const CONSTRAINT_OF: Record<string, string> = { IsISO8601: 'isIso8601', Length: 'isLength' };
    const NOT_CONSTRAINTS = new Set(['IsOptional', 'ValidateIf', 'ValidateNested', 'ValidateBy']);
    const decorators = new Set(
      FILES.filter(({ path }) => path.endsWith('.dto.ts')).flatMap(({ text }) => {
        const imported = /import \{([^}]*)\} from 'class-validator'/.exec(text)?.[1] ?? '';
        const local = [...text.matchAll(/ValidateBy\(\{ name: '(\w+)'/g)].map((m) => m[1]);
        return [
          ...imported
            .split(',')
            .map((name) => name.trim())
            .filter((name) => /^[A-Z]/.test(name)),
          ...local,
        ];
      }),
    );
    const constraints = [...decorators]
      .filter((name) => !NOT_CONSTRAINTS.has(name))
      .map((name) => CONSTRAINT_OF[name] ?? name[0].toLowerCase() + name.slice(1));
    expect(constraints.length).toBeGreaterThan(15);
    expect(constraints.filter((name) => !Object.hasOwn(CONSTRAINT_CODES, name))).toEqual([]);
  });

  it('every catalogue code is used by the API (none left dead)', () => {
    const all = FILES.map(({ text }) => text).join('\n');
    const unused = Object.keys(MESSAGES).filter((code) => !code.startsWith('iin.') && !all.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
