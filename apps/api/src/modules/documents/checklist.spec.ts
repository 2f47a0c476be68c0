import { type Channel } from '@qonys/domain';
import type { DocumentType } from '../reference-data/entities/document-type.entity';
import { buildChecklist, type ChecklistMember, completeness, itemStatus } from './checklist';
import type { Document } from './entities/document.entity';

const type = (
  id: number,
  key: string,
  scope: DocumentType['scope'],
  condition: DocumentType['condition'] = 'always',
  required = true,
) => ({ id, key, nameKk: key, nameRu: key, nameEn: key, scope, condition, required, sortOrder: id }) as DocumentType;

const TYPES = [
  type(1, 'application_form', 'application'),
  type(2, 'identity_document', 'member'),
  type(3, 'proof_of_nationality', 'application', 'without_commission'),
  type(4, 'consent_decision', 'application', 'mission_abroad'),
  type(5, 'photo', 'member', 'always', false),
];

const MEMBERS: ChecklistMember[] = [
  { personId: 10, relation: 'applicant', surname: 'Сейітов', givenName: 'Нұрлан', patronymic: null },
  { personId: 11, relation: 'spouse', surname: 'Сейітова', givenName: 'Әсел', patronymic: null },
];

const doc = (id: number, documentTypeId: number, personId: number | null, status: Document['status']) =>
  ({ id, documentTypeId, personId, status }) as Document;

function checklistOf(options: { channel?: Channel; recommended?: boolean; documents?: Document[] } = {}) {
  const items = buildChecklist(
    { channel: options.channel ?? 'egov', commissionRecommended: options.recommended ?? false },
    TYPES,
    MEMBERS,
    options.documents ?? [],
  );
  return { checklist: () => items, isComplete: () => completeness(items) };
}

const keys = (items: { key: string; personId: number | null }[]) =>
  items.map((i) => (i.personId === null ? i.key : `${i.key}:${i.personId}`));

describe('buildChecklist', () => {
  it('lists case items once and member items once per active member, in the order given', () => {
    const items = checklistOf().checklist();
    expect(keys(items)).toEqual([
      'application_form',
      'identity_document:10',
      'identity_document:11',
      'proof_of_nationality',
      'photo:10',
      'photo:11',
    ]);
    expect(items.every((i) => i.status === 'missing')).toBe(true);
  });

  it('drops proof of nationality once the commission recommended, and adds the consent decision for a mission abroad', () => {
    expect(keys(checklistOf({ recommended: true }).checklist())).not.toContain('proof_of_nationality');
    expect(keys(checklistOf({ channel: 'mission_abroad' }).checklist())).toContain('consent_decision');
  });

  it('gives each item its own documents and their status, and completeness counts only required items', () => {
    const checklist = checklistOf({
      documents: [
        doc(1, 1, null, 'rejected'),
        doc(2, 1, null, 'verified'),
        doc(3, 2, 10, 'verified'),
        doc(4, 2, 11, 'rejected'),
        doc(5, 3, null, 'uploaded'),
      ],
    });
    const items = checklist.checklist();
    const status = Object.fromEntries(
      items.map((i) => [i.personId === null ? i.key : `${i.key}:${i.personId}`, i.status]),
    );
    expect(status).toEqual({
      application_form: 'verified',
      'identity_document:10': 'verified',
      'identity_document:11': 'rejected',
      proof_of_nationality: 'uploaded',
      'photo:10': 'missing',
      'photo:11': 'missing',
    });
    expect(items.find((i) => i.personId === 11 && i.key === 'identity_document')!.documents.map((d) => d.id)).toEqual([
      4,
    ]);
    expect(checklist.isComplete()).toEqual({
      complete: false,
      missing: ['identity_document:11', 'proof_of_nationality'],
    });
  });

  it('is complete when every required item has a verified document', () => {
    const checklist = checklistOf({
      recommended: true,
      documents: [doc(1, 1, null, 'verified'), doc(2, 2, 10, 'verified'), doc(3, 2, 11, 'verified')],
    });
    expect(checklist.isComplete()).toEqual({ complete: true, missing: [] });
  });
});

describe('itemStatus', () => {
  it('prefers verified, then awaiting review, then rejected', () => {
    expect(itemStatus([])).toBe('missing');
    expect(itemStatus(['rejected'])).toBe('rejected');
    expect(itemStatus(['rejected', 'uploaded'])).toBe('uploaded');
    expect(itemStatus(['uploaded', 'verified', 'rejected'])).toBe('verified');
  });
});
