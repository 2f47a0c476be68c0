import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { type ApplicationDetail } from '@qonys/domain';
import { messageOf } from '../../common/errors';
import { saveFile } from '../../common/saveFile';
import type { PaperKind, PaperLanguage } from '../../providers/caseTypes';
import type { QonysDataProvider } from '../../providers/dataProvider';

const LANGUAGES: { lang: PaperLanguage; label: string }[] = [
  { lang: 'kk', label: 'app.decision.in_kazakh' },
  { lang: 'ru', label: 'app.decision.in_russian' },
];
const PAPER_LABELS: Record<PaperKind, string> = {
  'decision-letter': 'app.decision.decision_letter',
  certificate: 'app.decision.certificate_pdf',
};

/**
 * The decision letter (once decided) and the certificate (once issued) as PDF in
 * Kazakh or Russian, fetched with the session and saved as a file.
 */
export const PaperDownloads = ({ application }: { application: ApplicationDetail }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [busy, setBusy] = useState<string | null>(null);
  const papers: PaperKind[] = [
    ...(application.decidedAt ? (['decision-letter'] as const) : []),
    ...(application.certificate ? (['certificate'] as const) : []),
  ];
  if (papers.length === 0) return null;

  const download = async (kind: PaperKind, lang: PaperLanguage) => {
    setBusy(`${kind}-${lang}`);
    try {
      const { blob, fileName } = await dataProvider.getPaper(application.id, kind, lang);
      const name = fileName ?? `${application.number ?? application.id}-${kind}-${lang}.pdf`;
      saveFile(blob, name);
      notify('app.decision.downloaded', { type: 'info', messageArgs: { file: name } });
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h3">
        {translate('app.decision.papers')}
      </Typography>
      {papers.map((kind) => (
        <Stack key={kind} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="body2" sx={{ minWidth: 160 }}>
            {translate(PAPER_LABELS[kind])}
          </Typography>
          {LANGUAGES.map(({ lang, label }) => (
            <Button
              key={lang}
              size="small"
              variant="outlined"
              startIcon={<PictureAsPdfIcon />}
              disabled={busy !== null}
              onClick={() => download(kind, lang)}
              aria-label={translate('app.decision.download_label', {
                paper: translate(PAPER_LABELS[kind]),
                language: translate(label),
              })}
              data-testid={`download-${kind}-${lang}`}
            >
              {translate(label)}
            </Button>
          ))}
        </Stack>
      ))}
    </Stack>
  );
};
