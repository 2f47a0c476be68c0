import { useState } from 'react';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { IconButton, Tooltip } from '@mui/material';
import { Confirm, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { type ApplicationDetail, type MemberView } from '@qonys/domain';
import { messageOf } from '../../common/errors';
import type { QonysDataProvider } from '../../providers/dataProvider';
import { useMemberName } from './useMemberName';

/** Takes a member (never the applicant) off a draft case, after a confirmation. */
export const RemoveMemberButton = ({ application, member }: { application: ApplicationDetail; member: MemberView }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = useMemberName()(member);

  const remove = async () => {
    setBusy(true);
    try {
      await dataProvider.removeApplicationMember(application.id, member.personId);
      notify('app.family.member_removed', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip title={translate('app.family.remove_member')}>
        <IconButton
          size="small"
          onClick={() => setOpen(true)}
          aria-label={`${translate('app.family.remove_member')}: ${name}`}
        >
          <PersonRemoveIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Confirm
        isOpen={open}
        loading={busy}
        title={translate('app.family.remove_confirm_title', { name })}
        content={translate('app.family.remove_confirm')}
        onConfirm={remove}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
