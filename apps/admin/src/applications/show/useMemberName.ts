import { isRestrictedPerson, type MemberView } from '@qonys/domain';
import { useTranslate } from 'react-admin';
import { personFullName } from '../../providers/personTypes';

/** A member's full name, or what stands for a member the reader may not read (a person of another region). */
export function useMemberName(): (member: MemberView) => string {
  const translate = useTranslate();
  return (member) =>
    isRestrictedPerson(member.person) ? translate('app.family.restricted') : personFullName(member.person);
}
