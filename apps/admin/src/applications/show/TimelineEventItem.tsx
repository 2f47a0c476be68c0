import { type ApplicationEventType, type AssigneeView } from '@qonys/domain';
import type { ReactElement } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutlineOutlined';
import DescriptionIcon from '@mui/icons-material/Description';
import EditIcon from '@mui/icons-material/Edit';
import FiberNewIcon from '@mui/icons-material/FiberNew';
import GroupIcon from '@mui/icons-material/Group';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useGetManyAggregate, useTranslate } from 'react-admin';
import { useFormatCalendarDate, useFormatDateTime } from '../../common/CalendarDate';
import { useLocalizedName } from '../../common/localizedName';
import { isCodedMessage, useTranslateMessage } from '../../common/useTranslateMessage';
import type { TimelineEvent } from '../../providers/caseTypes';
import type { LocalizedNames } from '../../providers/dataProvider';
import { ASSIGNEES } from '../AssigneeInput';
import { assignedTo, timelineDetails, type TimelineNames } from './timelineDetails';

const ICONS: Record<ApplicationEventType, ReactElement> = {
  created: <FiberNewIcon color="primary" />,
  updated: <EditIcon color="action" />,
  transition: <SwapHorizIcon color="primary" />,
  note: <ChatBubbleOutlineIcon color="action" />,
  document: <DescriptionIcon color="action" />,
  assignment: <AssignmentIndIcon color="action" />,
  member: <GroupIcon color="action" />,
};

const AssigneeLine = ({ id }: { id: number | null }) => {
  const translate = useTranslate();
  const { data } = useGetManyAggregate<AssigneeView>(
    ASSIGNEES,
    { ids: id === null ? [] : [id] },
    { enabled: id !== null },
  );
  if (id === null) return <>{translate('app.timeline.unassigned')}</>;
  return <>{translate('app.timeline.assigned', { name: data?.[0]?.fullName ?? `#${id}` })}</>;
};

const LegalGroundLine = ({ id }: { id: number }) => {
  const translate = useTranslate();
  const name = useLocalizedName();
  const { data } = useGetManyAggregate<LocalizedNames & { id: number }>('legal-grounds', { ids: [id] });
  return <>{`${translate('app.decision.legal_ground')}: ${data?.[0] ? name(data[0]) : `#${id}`}`}</>;
};

/** One event: what happened, its details and comment, who did it and when. */
export const TimelineEventItem = ({ event, names }: { event: TimelineEvent; names: TimelineNames }) => {
  const translate = useTranslate();
  const formatDate = useFormatCalendarDate();
  const formatDateTime = useFormatDateTime();
  const translateMessage = useTranslateMessage();
  const title =
    event.type === 'transition' && event.transition
      ? translate(`app.transitions.${event.transition}`)
      : translate(`app.timeline.events.${event.type}`, { transition: '' });
  const assignee = assignedTo(event);
  const legalGroundId = typeof event.data?.legalGroundId === 'number' ? event.data.legalGroundId : null;
  return (
    <Stack direction="row" spacing={2} component="li" data-testid="timeline-event" data-type={event.type}>
      <Box sx={{ pt: 0.5 }}>{ICONS[event.type] ?? <EditIcon color="action" />}</Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle2">{title}</Typography>
        {isCodedMessage(event.data?.message) && (
          <Typography variant="body2" data-testid="timeline-message">
            {translateMessage(event.data.message)}
          </Typography>
        )}
        {timelineDetails(event, translate, formatDate, names).map((line) => (
          <Typography key={line} variant="body2">
            {line}
          </Typography>
        ))}
        {assignee !== undefined && (
          <Typography variant="body2">
            <AssigneeLine id={assignee} />
          </Typography>
        )}
        {legalGroundId !== null && (
          <Typography variant="body2">
            <LegalGroundLine id={legalGroundId} />
          </Typography>
        )}
        {event.comment && (
          <Paper variant="outlined" sx={{ px: 1.5, py: 1, my: 0.5, whiteSpace: 'pre-wrap', bgcolor: 'action.hover' }}>
            <Typography variant="body2">{event.comment}</Typography>
          </Paper>
        )}
        <Typography variant="caption" color="text.secondary">
          {formatDateTime(event.occurredAt)} ·{' '}
          {event.actorFullName ?? event.actorUsername ?? translate('app.timeline.system')}
        </Typography>
      </Box>
    </Stack>
  );
};
