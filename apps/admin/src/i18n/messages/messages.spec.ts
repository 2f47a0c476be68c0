import { AUDIT_ACTIONS, ENTITY_TYPES, MESSAGES, placeholdersOf, type MessageCode } from '@qonys/domain';
import { messagesEn } from './en';
import { messagesKk } from './kk';
import { messagesRu } from './ru';

const LANGUAGES = { kk: messagesKk, ru: messagesRu, en: messagesEn };
const CODES = Object.keys(MESSAGES) as MessageCode[];
const polyglotPlaceholders = (phrase: string): string[] =>
  [...new Set([...phrase.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]))].sort();

describe('server messages in kk, ru and en', () => {
  it.each(Object.entries(LANGUAGES))('%s has a text for every catalogue code, and no other', (_, messages) => {
    expect(Object.keys(messages.server).sort()).toEqual([...CODES].sort());
    for (const code of CODES) expect(messages.server[code].trim()).not.toBe('');
  });

  it.each(Object.entries(LANGUAGES))('%s uses exactly the parameters of each code', (_, messages) => {
    const wrong = CODES.filter(
      (code) =>
        JSON.stringify(polyglotPlaceholders(messages.server[code])) !== JSON.stringify(placeholdersOf(MESSAGES[code])),
    );
    expect(wrong).toEqual([]);
  });

  it.each(Object.entries(LANGUAGES))('%s names every audit action and record kind', (_, messages) => {
    expect(Object.keys(messages.names.audit_actions).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(messages.names.entities).sort()).toEqual([...ENTITY_TYPES].sort());
    for (const text of [...Object.values(messages.names.audit_actions), ...Object.values(messages.names.entities)])
      expect(text.trim()).not.toBe('');
  });

  it('kk and ru are translations, not English left in place', () => {
    const untranslated = (messages: typeof messagesKk) =>
      CODES.filter(
        (code) =>
          /[a-z]{4,}/.test(
            messages.server[code].replace(
              /%\{\w+\}|[A-Za-z]+\/[\w-]+|\b[A-Z]{2,}\b|\b(application|document|person|file)\w*Id\b|\bfile\b|ASC|DESC/g,
              '',
            ),
          ) && !/[а-яәіңғүұқөһ]/i.test(messages.server[code]),
      );
    expect(untranslated(messagesKk)).toEqual([]);
    expect(untranslated(messagesRu)).toEqual([]);
  });
});
