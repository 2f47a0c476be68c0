import { Chip, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocalizedName } from '../../common/localizedName';
import type { ChecklistItem } from '../../providers/caseTypes';
import { personFullName } from '../../providers/personTypes';
import { DocumentFile } from './DocumentFile';
import { DOCUMENT_STATUS_COLOURS } from './documentStatus';
import { UploadDocumentButton } from './UploadDocumentButton';

/** One item of the checklist: the document type (for the case or one member), its status and files. */
export const ChecklistRow = ({
  item,
  applicationId,
  canUpload,
  canReview,
  onChanged,
}: {
  item: ChecklistItem;
  applicationId: number;
  canUpload: boolean;
  canReview: boolean;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const name = useLocalizedName();
  const typeName = name(item);
  const memberName = item.member ? personFullName(item.member) : null;
  return (
    <TableRow
      data-testid="checklist-item"
      data-key={item.key}
      data-person-id={item.personId ?? ''}
      data-status={item.status}
    >
      <TableCell>
        <Typography variant="body2">{typeName}</Typography>
        <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
          <Chip
            size="small"
            variant="outlined"
            label={translate(item.required ? 'app.documents.required' : 'app.documents.optional')}
          />
          {item.condition !== 'always' && (
            <Typography variant="caption" color="text.secondary">
              {translate(`app.document_conditions.${item.condition}`)}
            </Typography>
          )}
        </Stack>
      </TableCell>
      <TableCell>
        {item.member ? (
          <>
            <Typography variant="body2">{memberName}</Typography>
            <Typography variant="caption" color="text.secondary">
              {translate(`app.relations.${item.member.relation}`)}
            </Typography>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('app.documents.whole_case')}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Chip
          size="small"
          color={DOCUMENT_STATUS_COLOURS[item.status]}
          label={translate(`app.documents.statuses.${item.status}`)}
        />
      </TableCell>
      <TableCell>
        <Stack spacing={1}>
          {item.documents.map((document) => (
            <DocumentFile key={document.id} document={document} canReview={canReview} onChanged={onChanged} />
          ))}
        </Stack>
      </TableCell>
      <TableCell align="right">
        {canUpload && (
          <UploadDocumentButton
            applicationId={applicationId}
            item={item}
            label={memberName ? `${typeName} — ${memberName}` : typeName}
            onUploaded={onChanged}
          />
        )}
      </TableCell>
    </TableRow>
  );
};
