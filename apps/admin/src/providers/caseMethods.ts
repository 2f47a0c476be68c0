import { type ApplicationDetail, type ErasureReason, type Relation } from '@qonys/domain';
import type {
  CaseDocument,
  ChecklistItem,
  DocumentReview,
  DocumentUpload,
  PaperKind,
  PaperLanguage,
  TimelineEvent,
  TransitionRequest,
} from './caseTypes';
import { apiFetch, apiFetchFile, type DownloadedFile } from './httpClient';
import type { DuplicateCandidate, Person } from './personTypes';

const post = (path: string, body: unknown) => apiFetch(path, { method: 'POST', body: JSON.stringify(body) });
const id = (value: number | string) => encodeURIComponent(value);

/** The case-work calls beyond react-admin's CRUD: transitions, family, documents, papers, duplicates. */
export interface CaseMethods {
  transitionApplication(applicationId: number, request: TransitionRequest): Promise<ApplicationDetail>;
  addApplicationNote(applicationId: number, comment: string): Promise<TimelineEvent>;
  assignApplications(ids: number[], assignedToId: number | null): Promise<{ updated: number }>;
  addApplicationMember(applicationId: number, personId: number, relation: Relation): Promise<ApplicationDetail>;
  removeApplicationMember(applicationId: number, personId: number): Promise<ApplicationDetail>;
  getChecklist(applicationId: number): Promise<ChecklistItem[]>;
  uploadDocument(upload: DocumentUpload): Promise<CaseDocument>;
  reviewDocument(documentId: number, review: DocumentReview): Promise<CaseDocument>;
  getDocumentContent(documentId: number, inline: boolean): Promise<DownloadedFile>;
  getPaper(applicationId: number, kind: PaperKind, lang: PaperLanguage): Promise<DownloadedFile>;
  getPersonDuplicates(personId: number): Promise<DuplicateCandidate[]>;
  markPersonDistinct(personId: number, otherPersonId: number): Promise<void>;
  mergePerson(personId: number, intoPersonId: number, version: number): Promise<Person>;
  erasePerson(personId: number, reason: ErasureReason, version: number): Promise<void>;
}

export const caseMethods: CaseMethods = {
  transitionApplication: async (applicationId, request) =>
    (await post(`/applications/${id(applicationId)}/transitions`, request)).json as ApplicationDetail,
  addApplicationNote: async (applicationId, comment) =>
    (await post(`/applications/${id(applicationId)}/notes`, { comment })).json as TimelineEvent,
  assignApplications: async (ids, assignedToId) =>
    (await post('/applications/assign', { ids, assignedToId })).json as { updated: number },
  addApplicationMember: async (applicationId, personId, relation) =>
    (await post(`/applications/${id(applicationId)}/members`, { personId, relation })).json as ApplicationDetail,
  removeApplicationMember: async (applicationId, personId) =>
    (await apiFetch(`/applications/${id(applicationId)}/members/${id(personId)}`, { method: 'DELETE' }))
      .json as ApplicationDetail,

  getChecklist: async (applicationId) =>
    (await apiFetch(`/documents/checklist?applicationId=${id(applicationId)}`)).json as ChecklistItem[],
  uploadDocument: async ({ applicationId, documentTypeId, personId, file }) => {
    const body = new FormData();
    body.append('applicationId', String(applicationId));
    body.append('documentTypeId', String(documentTypeId));
    if (personId !== null) body.append('personId', String(personId));
    body.append('file', file, file.name);
    return (await apiFetch('/documents', { method: 'POST', body })).json as CaseDocument;
  },
  reviewDocument: async (documentId, review) =>
    (await post(`/documents/${id(documentId)}/review`, review)).json as CaseDocument,
  getDocumentContent: (documentId, inline) =>
    apiFetchFile(`/documents/${id(documentId)}/content${inline ? '?inline=1' : ''}`),
  getPaper: (applicationId, kind, lang) => apiFetchFile(`/applications/${id(applicationId)}/${kind}.pdf?lang=${lang}`),

  getPersonDuplicates: async (personId) =>
    (await apiFetch(`/persons/${id(personId)}/duplicates`)).json as DuplicateCandidate[],
  markPersonDistinct: async (personId, otherPersonId) => {
    await post(`/persons/${id(personId)}/distinct`, { otherPersonId });
  },
  mergePerson: async (personId, intoPersonId, version) =>
    (await post(`/persons/${id(personId)}/merge`, { intoPersonId, version })).json as Person,
  erasePerson: async (personId, reason, version) => {
    await post(`/persons/${id(personId)}/erasure`, { reason, version });
  },
};
