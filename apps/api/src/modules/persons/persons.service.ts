import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { coded, DomainError, ErrorKind } from '../../common/errors/domain-error';
import { ListResult, type ParsedListQuery } from '../../common/list/list-query';
import { updateVersioned } from '../../common/persistence/versioned-update';
import { AuditService, diff } from '../audit/audit.service';
import { AuditLogService, type PersonAccessEntry } from '../audit/audit-log.service';
import { PersonalDataReads } from '../audit/personal-data-reads.service';
import type { ListRows } from '../exports/exports.service';
import type { CreatePersonDto, UpdatePersonDto } from './dto/person.dto';
import { Person } from './entities/person.entity';
import { AUDITED_FIELDS, type PersonJson, personJson } from './person-json';
import { personRuleErrors, personValues } from './person-values';
import { PersonsRepository } from './persons.repository';

/** Rules across fields (see personRuleErrors), as a 400. */
function checkPerson(dto: CreatePersonDto): void {
  const errors = personRuleErrors(dto);
  if (Object.keys(errors).length > 0) throw DomainError.invalid(errors);
}

/**
 * Persons (applicants and family members): region-scoped staff see and register
 * only their own region's; every read (each list page, each person) and every write
 * is audited.
 */
@Injectable()
export class PersonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly audit: AuditService,
    private readonly reads: PersonalDataReads,
    private readonly auditLog: AuditLogService,
  ) {}

  /** A page of the list or of a search: one `person.list` entry naming the persons on it. */
  async list(ctx: AuthedContext, query: ParsedListQuery): Promise<ListResult<PersonJson>> {
    const scope = regionScope(ctx.actor, 'persons', 'list');
    const page = await this.persons.listForRegion(query, scope);
    await this.reads.record(ctx, { action: 'person.list', regionId: scope, personIds: page.items.map((p) => p.id) });
    return page.withItems(page.items.map(personJson));
  }

  /** Every person of the list (its filters, sort and scope) for an export, each batch naming its persons. */
  exportRows(ctx: AuthedContext, query: ParsedListQuery): ListRows {
    const scope = regionScope(ctx.actor, 'persons', 'list');
    const persons = this.persons;
    return {
      count: (cap) => persons.exportCount(query, scope, cap),
      async *batches() {
        for await (const batch of persons.exportBatches(query, scope)) {
          yield {
            rows: batch.map((p) => ({
              ...personJson(p),
              fullName: [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' '),
            })),
            personIds: batch.map((p) => p.id),
          };
        }
      },
    };
  }

  /** One person; reading someone's personal data leaves a `person.view` audit entry. */
  async get(ctx: AuthedContext, id: number): Promise<PersonJson> {
    const scope = regionScope(ctx.actor, 'persons', 'show');
    const person = await this.persons.findById(id);
    if (!person || !inScope(scope, person.regionId)) throw DomainError.notFound('person');
    await this.reads.record(ctx, {
      action: 'person.view',
      entityType: 'person',
      entityId: id,
      regionId: person.regionId,
      personIds: [id],
    });
    return personJson(person);
  }

  /** Who read or changed the person, for auditors: the audit entries naming them. */
  async accessLog(ctx: AuthedContext, id: number, query: ParsedListQuery): Promise<ListResult<PersonAccessEntry>> {
    const person = await this.persons.findById(id);
    if (!person || !inScope(regionScope(ctx.actor, 'persons', 'show'), person.regionId))
      throw DomainError.notFound('person');
    return this.auditLog.accessLog(id, query);
  }

  create(ctx: AuthedContext, dto: CreatePersonDto): Promise<PersonJson> {
    const scope = regionScope(ctx.actor, 'persons', 'create');
    if (scope !== null && dto.regionId !== undefined) throw DomainError.invalid({ regionId: 'region.not_settable' });
    checkPerson(dto);
    const values = personValues(dto);
    return this.guardUniqueIin(ctx, values.iin ?? null, () =>
      this.dataSource.transaction(async (manager) => {
        const regionId = scope ?? (await this.chosenRegion(manager, dto.regionId ?? null));
        const id = await this.persons.insert(manager, { ...values, regionId, createdBy: ctx.actor.id });
        const saved = (await this.persons.findById(id, manager))!;
        await this.audit.record(manager, ctx, {
          action: 'person.create',
          entityType: 'person',
          entityId: id,
          regionId,
          changes: diff(null, personJson(saved), AUDITED_FIELDS),
        });
        return personJson(saved);
      }),
    );
  }

  update(ctx: AuthedContext, id: number, dto: UpdatePersonDto): Promise<PersonJson> {
    const scope = regionScope(ctx.actor, 'persons', 'edit');
    if (scope !== null && dto.regionId !== undefined) throw DomainError.invalid({ regionId: 'region.not_settable' });
    checkPerson(dto);
    const values = personValues(dto);
    return this.guardUniqueIin(ctx, values.iin ?? null, () =>
      this.dataSource.transaction(async (manager) => {
        const [before] = await this.persons.lockByIds(manager, [id]);
        if (!before || !inScope(scope, before.regionId)) throw DomainError.notFound('person');
        if (before.mergedIntoId !== null) {
          throw new DomainError(ErrorKind.Conflict, 'person.merged_edit_target', { into: before.mergedIntoId });
        }
        if (before.erasedAt !== null) throw new DomainError(ErrorKind.Conflict, 'person.erased');
        const regionId =
          scope !== null || dto.regionId == null ? before.regionId : await this.chosenRegion(manager, dto.regionId);
        const after = await updateVersioned(manager, Person, 'person', id, dto.version, { ...values, regionId });
        await this.audit.record(manager, ctx, {
          action: 'person.update',
          entityType: 'person',
          entityId: id,
          regionId: after.regionId,
          changes: diff(personJson(before), personJson(after), AUDITED_FIELDS),
        });
        return personJson(after);
      }),
    );
  }

  /** Nationwide staff say where the person is registered; the region must exist. */
  private async chosenRegion(manager: EntityManager, regionId: number | null): Promise<number> {
    if (regionId === null) throw DomainError.invalid({ regionId: 'validation.required' });
    if (!(await this.persons.regionExists(regionId, manager)))
      throw DomainError.invalid({ regionId: 'region.not_found' });
    return regionId;
  }

  /**
   * Two unmerged persons cannot share an IIN (a unique index): the conflict is a 409
   * on `iin` that names whom it is with when the caller may read them; of a person
   * elsewhere it says only that they exist, and the probe is audited.
   */
  private async guardUniqueIin<T>(ctx: AuthedContext, iin: string | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
      if (!(error instanceof QueryFailedError) || constraint !== 'person_iin_uq' || iin === null) throw error;
      const holder = await this.persons.findHolderOfIin(iin);
      if (holder && !inScope(regionScope(ctx.actor, 'persons', 'show'), holder.regionId)) {
        await this.reads.probe(ctx, holder, 'iin');
        throw new DomainError(
          ErrorKind.Conflict,
          'person.iin_registered_elsewhere',
          {},
          {
            iin: 'person.iin_registered_elsewhere',
          },
        );
      }
      const duplicate = holder && { person: personJson(holder), score: 1, reasons: ['same_iin'] };
      const taken = holder ? coded('person.iin_taken', { person: holder.id }) : coded('person.iin_registered');
      throw new DomainError(
        ErrorKind.Conflict,
        taken.code,
        taken.params,
        { iin: taken },
        duplicate ? { duplicate } : undefined,
      );
    }
  }
}
