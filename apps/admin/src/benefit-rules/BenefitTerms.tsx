import type { BenefitRuleTerms } from '@qonys/domain';
import { Chip, Stack, Typography } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';

/** A rule's figures in one line, as the formula reads them: "70 + 70 × member", "15–30 × 12", "50 % ≤ 4 000 000 ₸". */
export const BenefitTerms = () => {
  const record = useRecordContext<BenefitRuleTerms & { unconfirmed: boolean }>();
  const translate = useTranslate();
  const locale = useLocale();
  if (!record) return null;
  const number = (value: number | null) => (value ?? 0).toLocaleString(locale);
  const mci = translate('resources.benefit-rules.fields.mciFixed').replace(/^.*\((.*)\)$/, '$1');
  const text = {
    per_person: `${number(record.mciHead)} + ${number(record.mciPerMember)} × n ${mci}`,
    monthly_range: `${number(record.mciMin)}–${number(record.mciMax)} ${mci} × ${number(record.months)}`,
    fixed: `${number(record.mciFixed)} ${mci}`,
    price_share: [
      `${number(record.sharePercent)} %`,
      record.capMci !== null ? `≤ ${number(record.capMci)} ${mci}` : null,
      record.capKzt !== null ? `≤ ${number(record.capKzt)} ₸` : null,
    ]
      .filter(Boolean)
      .join(' '),
  }[record.formula];
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} component="span">
      <Typography variant="body2" component="span">
        {text}
      </Typography>
      {record.unconfirmed && (
        <Chip
          size="small"
          color="warning"
          variant="outlined"
          label={translate('resources.benefit-rules.fields.unconfirmed')}
          title={translate('app.benefit_unconfirmed')}
        />
      )}
    </Stack>
  );
};
