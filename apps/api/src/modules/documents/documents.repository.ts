import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ApplicationStatus, type Channel, DOCUMENT_STATUSES, type Relation } from '@qonys/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ids, integerEquals, oneOf } from '../../common/list/filters';
import { fetchPage, type ListResult, type ListSpec, type ParsedListQuery } from '../../common/list/list-query';
import { Application } from '../applications/entities/application.entity';
import type { ChecklistMember } from './checklist';
import { DocumentType } from '../reference-data/entities/document-type.entity';
import { Document } from './entities/document.entity';

export const DOCUMENT_LIST: ListSpec<Document> = {
  resource: 'documents',
  sortable: {
    id: 'd.id',
    createdAt: 'd.created_at',
    status: 'd.status',
    documentTypeId: 'd.document_type_id',
    personId: 'd.person_id',
    fileName: 'd.file_name',
  },
  defaultSort: ['id', 'ASC'],
  filters: {
    id: ids('d.id'),
    applicationId: integerEquals('d.application_id', 1),
    personId: integerEquals('d.person_id', 1),
    documentTypeId: integerEquals('d.document_type_id', 1),
    status: oneOf('d.status', DOCUMENT_STATUSES),
  },
};

/** What the document rules need to know about a case. */
export interface CaseForDocuments {
  id: number;
  regionId: number;
  status: ApplicationStatus;
  channel: Channel;
}

export type ActiveMember = ChecklistMember;

const VALID_ON = '(t.valid_from IS NULL OR t.valid_from <= :today) AND (t.valid_to IS NULL OR t.valid_to >= :today)';

@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** A page of documents; with a region, only those of that region's cases. */
  listPage(query: ParsedListQuery, regionId: number | null): Promise<ListResult<Document>> {
    const qb = this.dataSource.getRepository(Document).createQueryBuilder('d');
    if (regionId !== null) {
      qb.innerJoin(Application, 'a', 'a.id = d.application_id').andWhere('a.region_id = :scopeRegion', {
        scopeRegion: regionId,
      });
    }
    return fetchPage(qb, query, DOCUMENT_LIST);
  }

  findById(manager: EntityManager, id: number): Promise<Document | null> {
    return manager.getRepository(Document).findOneBy({ id });
  }

  /** The document with the key of its file in the store (which the API never shows). */
  async findWithStorageKey(manager: EntityManager, id: number): Promise<(Document & { storageKey: string }) | null> {
    const row = await manager
      .getRepository(Document)
      .createQueryBuilder('d')
      .addSelect('d.storageKey')
      .where('d.id = :id', { id })
      .getOne();
    return row as (Document & { storageKey: string }) | null;
  }

  /** The case, share-locked when `lock` (inside a transaction) so its status cannot change meanwhile. */
  async findCase(manager: EntityManager, applicationId: number, lock = false): Promise<CaseForDocuments | null> {
    const [row] = await manager.query<{ id: number; region_id: number; status: ApplicationStatus; channel: Channel }[]>(
      `SELECT id, region_id, status, channel FROM application WHERE id = $1${lock ? ' FOR SHARE' : ''}`,
      [applicationId],
    );
    return row ? { id: row.id, regionId: row.region_id, status: row.status, channel: row.channel } : null;
  }

  /** The checklist as it stands on `today`: the document types valid then, in their order. */
  checklistTypes(manager: EntityManager, today: string): Promise<DocumentType[]> {
    return manager
      .getRepository(DocumentType)
      .createQueryBuilder('t')
      .where(VALID_ON, { today })
      .orderBy('t.sort_order', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
  }

  findTypeValidOn(manager: EntityManager, id: number, today: string): Promise<DocumentType | null> {
    return manager
      .getRepository(DocumentType)
      .createQueryBuilder('t')
      .where('t.id = :id', { id })
      .andWhere(VALID_ON, { today })
      .getOne();
  }

  findTypeById(manager: EntityManager, id: number): Promise<DocumentType | null> {
    return manager.getRepository(DocumentType).findOneBy({ id });
  }

  /** Active members, the applicant first. */
  async activeMembers(manager: EntityManager, applicationId: number): Promise<ActiveMember[]> {
    const rows = await manager.query<
      { person_id: number; relation: Relation; surname: string; given_name: string; patronymic: string | null }[]
    >(
      `SELECT m.person_id, m.relation, p.surname, p.given_name, p.patronymic
         FROM application_member m JOIN person p ON p.id = m.person_id
        WHERE m.application_id = $1 AND m.active
        ORDER BY (m.relation = 'applicant') DESC, m.id`,
      [applicationId],
    );
    return rows.map((r) => ({
      personId: r.person_id,
      relation: r.relation,
      surname: r.surname,
      givenName: r.given_name,
      patronymic: r.patronymic,
    }));
  }

  async isActiveMember(manager: EntityManager, applicationId: number, personId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM application_member WHERE application_id = $1 AND person_id = $2 AND active',
      [applicationId, personId],
    );
    return rows.length > 0;
  }

  /** Whether the nationality commission recommended the applicant (then proof of nationality is not needed). */
  async commissionRecommended(manager: EntityManager, applicationId: number): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM application_event WHERE application_id = $1 AND type = 'transition' AND transition = 'commission_recommend' LIMIT 1`,
      [applicationId],
    );
    return rows.length > 0;
  }

  documentsOfCase(manager: EntityManager, applicationId: number): Promise<Document[]> {
    return manager.getRepository(Document).find({ where: { applicationId }, order: { id: 'ASC' } });
  }

  async insert(manager: EntityManager, values: Partial<Document> & { storageKey: string }): Promise<Document> {
    const repo = manager.getRepository(Document);
    const saved = await repo.save(repo.create(values));
    return (await this.findById(manager, saved.id))!;
  }
}
