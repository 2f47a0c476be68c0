import { validateIin } from '@qonys/domain';
import type { FieldMessages } from '../../common/errors/domain-error';
import type { CreatePersonDto } from './dto/person.dto';
import { documentKey, latinName, personSearchKey } from './person-keys';
import type { PersonWithKeys } from './persons.repository';

/**
 * How a person's stored row follows from what was entered: one place for the API's
 * create and update and the bulk import (docs/imports.md), so both store the same
 * derived columns.
 */

type PersonFacts = Pick<CreatePersonDto, 'birthDate' | 'sex' | 'iin'>;

const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Today's date in Kazakhstan (UTC+5 everywhere since March 2024). */
const todayInKazakhstan = (): string => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);

/** The stored row for a create or update request: cleaned names, generated Latin forms, keys. */
export function personValues(dto: CreatePersonDto): Partial<PersonWithKeys> {
  const patronymic = dto.patronymic ?? null;
  const names = {
    surname: dto.surname,
    givenName: dto.givenName,
    patronymic,
    surnameLatin: dto.surnameLatin ?? latinName(dto.surname),
    givenNameLatin: dto.givenNameLatin ?? latinName(dto.givenName),
    patronymicLatin: patronymic === null ? null : (dto.patronymicLatin ?? latinName(patronymic)),
    otherSpellings: [...new Set(dto.otherSpellings ?? [])],
  };
  return {
    ...names,
    birthDate: dto.birthDate,
    sex: dto.sex,
    iin: dto.iin ?? null,
    ethnicity: dto.ethnicity ?? 'kazakh',
    citizenship: dto.citizenship ?? null,
    countryOfOrigin: dto.countryOfOrigin ?? null,
    idDocumentType: dto.idDocumentType ?? null,
    idDocumentNumber: dto.idDocumentNumber ?? null,
    idDocumentIssuer: dto.idDocumentIssuer ?? null,
    idDocumentExpiry: dto.idDocumentExpiry ?? null,
    educationLevel: dto.educationLevel ?? null,
    profession: dto.profession ?? null,
    languages: dto.languages ?? [],
    phone: dto.phone ?? null,
    email: dto.email ?? null,
    addressAbroad: dto.addressAbroad ?? null,
    addressKz: dto.addressKz ?? null,
    searchKey: personSearchKey(names),
    documentKey: documentKey(dto.idDocumentNumber),
  };
}

/**
 * Rules across fields: a plausible birth date, and an IIN that is valid and belongs to
 * that birth date and sex. Empty when the person passes.
 */
export function personRuleErrors(dto: PersonFacts): FieldMessages {
  const errors: FieldMessages = {};
  if (dto.birthDate > todayInKazakhstan()) errors.birthDate = 'person.birth_date_future';
  else if (dto.birthDate < EARLIEST_BIRTH_DATE) errors.birthDate = 'person.birth_date_too_early';
  if (dto.iin) {
    const result = validateIin(dto.iin, { birthDate: dto.birthDate, sex: dto.sex });
    if (!result.valid) errors.iin = `iin.${result.error}`;
  }
  return errors;
}
