import { useState, type ChangeEvent } from 'react';
import { BooleanInput, Confirm, useRecordContext } from 'react-admin';
import { useFormContext } from 'react-hook-form';

/**
 * The account's "disabled" switch. Turning it on signs the user out and keeps them out:
 * it asks first, naming the user, and turns back off when not confirmed.
 */
export const DisabledInput = ({ readOnly }: { readOnly: boolean }) => {
  const record = useRecordContext<{ fullName?: string; username?: string }>();
  const { setValue } = useFormContext();
  const [asking, setAsking] = useState(false);
  const names = { name: record?.fullName || record?.username || '', username: record?.username ?? '' };
  return (
    <>
      <BooleanInput
        source="disabled"
        readOnly={readOnly}
        onChange={(event: ChangeEvent<HTMLInputElement>) => {
          if (event.target.checked) setAsking(true);
        }}
      />
      <Confirm
        isOpen={asking}
        title="app.confirm.disable_user_title"
        titleTranslateOptions={names}
        content="app.confirm.disable_user"
        contentTranslateOptions={names}
        confirm="app.confirm.disable"
        onConfirm={() => setAsking(false)}
        onClose={() => {
          setValue('disabled', false, { shouldDirty: true });
          setAsking(false);
        }}
      />
    </>
  );
};
