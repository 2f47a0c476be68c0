import { useState } from 'react';
import { Card, CardContent, Typography } from '@mui/material';
import {
  Form,
  HttpError,
  PasswordInput,
  required,
  SaveButton,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import { sameAs, validatePassword } from '../common/validators';
import type { QonysDataProvider } from '../providers/dataProvider';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

/** POST /api/auth/change-password; the API's per-field errors land under the inputs. */
export const ChangePasswordForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<QonysDataProvider>();
  const [formKey, setFormKey] = useState(0);

  const submit = async (values: Partial<ChangePasswordValues>) => {
    try {
      await dataProvider.changePassword(values.currentPassword ?? '', values.newPassword ?? '');
      notify('app.account.change_password.done', { type: 'success' });
      setFormKey((key) => key + 1);
      return undefined;
    } catch (error) {
      if (error instanceof HttpError && error.body?.errors && typeof error.body.errors === 'object') {
        return error.body.errors as Record<string, string>;
      }
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.account.change_password.title')}
        </Typography>
        <Form key={formKey} onSubmit={submit}>
          <PasswordInput
            source="currentPassword"
            label="app.account.change_password.current"
            validate={required()}
            autoComplete="current-password"
            fullWidth
          />
          <PasswordInput
            source="newPassword"
            label="app.account.change_password.new"
            validate={validatePassword}
            helperText="app.validation.password_length"
            autoComplete="new-password"
            fullWidth
          />
          <PasswordInput
            source="newPasswordConfirm"
            label="app.account.change_password.confirm"
            validate={[required(), sameAs('newPassword')]}
            autoComplete="new-password"
            fullWidth
          />
          <SaveButton label="app.account.change_password.submit" alwaysEnable={false} />
        </Form>
      </CardContent>
    </Card>
  );
};
