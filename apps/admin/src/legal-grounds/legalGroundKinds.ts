import type { LegalGroundKind } from '@qonys/domain';

const KINDS: LegalGroundKind[] = ['refuse_acceptance', 'reject', 'revoke'];

export const LEGAL_GROUND_KIND_CHOICES = KINDS.map((kind) => ({ id: kind, name: `app.legal_ground_kinds.${kind}` }));
