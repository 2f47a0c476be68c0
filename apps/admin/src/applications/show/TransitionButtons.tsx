import { useState } from 'react';
import { type ApplicationDetail, type TransitionName, type TransitionView } from '@qonys/domain';
import { Button, type ButtonProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { TransitionDialog } from './TransitionDialog';

/** Decisions against the family stand out in red, the grant of status in green. */
const COLOURS: Partial<Record<TransitionName, ButtonProps['color']>> = {
  approve: 'success',
  refuse_acceptance: 'error',
  commission_reject: 'error',
  reject: 'error',
  revoke: 'error',
  withdraw: 'inherit',
  expire: 'inherit',
};

/**
 * One button per transition the server lists for this user on this case
 * (`availableTransitions`), each opening a dialog with the inputs it requires.
 */
export const TransitionButtons = () => {
  const record = useRecordContext<ApplicationDetail>();
  const translate = useTranslate();
  const [chosen, setChosen] = useState<TransitionView | null>(null);
  if (!record?.availableTransitions?.length) return null;
  return (
    <>
      {record.availableTransitions.map((transition) => (
        <Button
          key={transition.name}
          size="small"
          variant={COLOURS[transition.name] === 'inherit' ? 'outlined' : 'contained'}
          color={COLOURS[transition.name] ?? 'primary'}
          onClick={() => setChosen(transition)}
          data-testid={`transition-${transition.name}`}
        >
          {translate(`app.transitions.${transition.name}`)}
        </Button>
      ))}
      {chosen && <TransitionDialog application={record} transition={chosen} onClose={() => setChosen(null)} />}
    </>
  );
};
