import type { DocumentCondition, DocumentScope } from '../providers/caseTypes';

const SCOPES: DocumentScope[] = ['application', 'member'];
const CONDITIONS: DocumentCondition[] = ['always', 'without_commission', 'mission_abroad'];

export const SCOPE_CHOICES = SCOPES.map((scope) => ({ id: scope, name: `app.document_scopes.${scope}` }));
export const CONDITION_CHOICES = CONDITIONS.map((condition) => ({
  id: condition,
  name: `app.document_conditions.${condition}`,
}));
