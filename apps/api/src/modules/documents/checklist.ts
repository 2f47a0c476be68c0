import { type Channel, type DocumentStatus, type Relation } from '@qonys/domain';
import type { DocumentType } from '../reference-data/entities/document-type.entity';
import type { Document } from './entities/document.entity';

export type ChecklistStatus = 'missing' | 'uploaded' | 'verified' | 'rejected';

export interface ChecklistMember {
  personId: number;
  relation: Relation;
  surname: string;
  givenName: string;
  patronymic: string | null;
}

/** One line of a case's checklist: a document type, for the case or for one member. */
export interface ChecklistItem {
  documentTypeId: number;
  key: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  scope: DocumentType['scope'];
  condition: DocumentType['condition'];
  required: boolean;
  /** The member the item is for (scope 'member'), else null. */
  personId: number | null;
  member: ChecklistMember | null;
  /** verified if any document is verified; else uploaded if one awaits review; else rejected if all were rejected; else missing. */
  status: ChecklistStatus;
  documents: Document[];
}

export interface ChecklistCompleteness {
  complete: boolean;
  /** The required items without a verified document: `<type key>` or `<type key>:<person id>`. */
  missing: string[];
}

/** What decides which conditional items apply to a case. */
export interface ChecklistCase {
  channel: Channel;
  /** The nationality commission recommended the applicant (then proof of nationality is not needed). */
  commissionRecommended: boolean;
}

/** The status of an item from the statuses of its documents. */
export function itemStatus(statuses: readonly DocumentStatus[]): ChecklistStatus {
  if (statuses.includes('verified')) return 'verified';
  if (statuses.includes('uploaded')) return 'uploaded';
  if (statuses.includes('rejected')) return 'rejected';
  return 'missing';
}

function applies(type: DocumentType, application: ChecklistCase): boolean {
  switch (type.condition) {
    case 'always':
      return true;
    case 'without_commission':
      return !application.commissionRecommended;
    case 'mission_abroad':
      return application.channel === 'mission_abroad';
  }
}

/**
 * The checklist of a case: each applicable type (in the order given) once for the case,
 * or once per active member (in the order given), with its documents and status.
 */
export function buildChecklist(
  application: ChecklistCase,
  types: readonly DocumentType[],
  members: readonly ChecklistMember[],
  documents: readonly Document[],
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const type of types.filter((t) => applies(t, application))) {
    const base = {
      documentTypeId: type.id,
      key: type.key,
      nameKk: type.nameKk,
      nameRu: type.nameRu,
      nameEn: type.nameEn,
      scope: type.scope,
      condition: type.condition,
      required: type.required,
    };
    const ofType = documents.filter((d) => d.documentTypeId === type.id);
    if (type.scope === 'application') {
      items.push({
        ...base,
        personId: null,
        member: null,
        status: itemStatus(ofType.map((d) => d.status)),
        documents: ofType,
      });
      continue;
    }
    for (const member of members) {
      const mine = ofType.filter((d) => d.personId === member.personId);
      items.push({
        ...base,
        personId: member.personId,
        member,
        status: itemStatus(mine.map((d) => d.status)),
        documents: mine,
      });
    }
  }
  return items;
}

/** Complete when every required item has a verified document (what approval needs). */
export function completeness(items: readonly ChecklistItem[]): ChecklistCompleteness {
  const missing = items
    .filter((item) => item.required && item.status !== 'verified')
    .map((item) => (item.personId === null ? item.key : `${item.key}:${item.personId}`));
  return { complete: missing.length === 0, missing };
}
