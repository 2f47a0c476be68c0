import { DOCUMENT_CONDITIONS, DOCUMENT_SCOPES } from '@qonys/domain';

export const SCOPE_CHOICES = DOCUMENT_SCOPES.map((scope) => ({ id: scope, name: `app.document_scopes.${scope}` }));
export const CONDITION_CHOICES = DOCUMENT_CONDITIONS.map((condition) => ({
  id: condition,
  name: `app.document_conditions.${condition}`,
}));
