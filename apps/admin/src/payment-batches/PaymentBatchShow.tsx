import { useRef } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import LockIcon from '@mui/icons-material/Lock';
import UploadIcon from '@mui/icons-material/Upload';
import { Button } from '@mui/material';
import {
  DateField,
  FunctionField,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { PAYMENT_STATES } from '@qonys/domain';
import { saveFile } from '../common/saveFile';
import type { QonysDataProvider } from '../providers/dataProvider';
import { MonthField } from '../common/MonthField';
import { batchStateChoices } from '../support-payments/paymentChoices';

interface BatchRecord {
  id: number;
  month: string;
  state: string;
  version: number;
  /** Absent from the list row the show page may render first. */
  states?: Record<string, number>;
}

/** The register, the bank's result and closing: for those who may send the region's payments. */
const BatchActions = () => {
  const record = useRecordContext<BatchRecord>();
  const { canAccess } = useCanAccess({ resource: 'payment-batches', action: 'edit' });
  const dataProvider = useDataProvider<QonysDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const fileInput = useRef<HTMLInputElement>(null);
  if (!record || !canAccess || record.state === 'closed') return <TopToolbar />;
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    refresh();
  };
  const download = (format: 'csv' | 'xlsx') =>
    run(async () => {
      const file = await dataProvider.getPaymentRegister(record.id, format);
      saveFile(file.blob, file.fileName ?? `register.${format}`);
    });
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} size="small" startIcon={<DownloadIcon />} onClick={() => void download(format)}>
          {translate('app.payments.register', { format: format.toUpperCase() })}
        </Button>
      ))}
      <Button size="small" startIcon={<UploadIcon />} onClick={() => fileInput.current?.click()}>
        {translate('app.payments.bank_result')}
      </Button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,.xlsx"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file)
            void run(async () => {
              const summary = await dataProvider.importBankResult(record.id, file);
              notify('app.payments.bank_result_done', { type: 'success', messageArgs: { ...summary } });
            });
        }}
      />
      <Button
        size="small"
        startIcon={<LockIcon />}
        onClick={() => void run(async () => void (await dataProvider.closePaymentBatch(record.id, record.version)))}
      >
        {translate('app.payments.close')}
      </Button>
    </TopToolbar>
  );
};

export const PaymentBatchShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<BatchActions />}>
      <SimpleShowLayout>
        <MonthField source="month" />
        <SelectField source="state" choices={batchStateChoices} />
        <NumberField source="count" />
        <NumberField source="amountKzt" />
        <FunctionField<BatchRecord>
          source="states"
          render={(record) =>
            PAYMENT_STATES.filter((state) => record.states?.[state])
              .map((state) => `${translate(`app.payments.states.${state}`)}: ${record.states?.[state]}`)
              .join(' · ') || '—'
          }
        />
        <DateField source="sentAt" showTime emptyText="—" />
        <DateField source="closedAt" showTime emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
};

export default PaymentBatchShow;
