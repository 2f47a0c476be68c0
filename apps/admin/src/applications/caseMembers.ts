import { type ApplicationDetail, isRestrictedPerson } from '@qonys/domain';

/** The case's active members the reader may name (a service, a residence step is for one of them), with their names. */
export const nameableMembers = (application: ApplicationDetail): { personId: number; name: string }[] =>
  application.members.flatMap((member) =>
    member.active && !isRestrictedPerson(member.person)
      ? [{ personId: member.personId, name: `${member.person.surname} ${member.person.givenName}` }]
      : [],
  );
