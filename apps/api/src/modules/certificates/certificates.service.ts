import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationStatus } from '@qonys/domain';
import { todayInKazakhstan } from '@qonys/domain';
import type { AuthedContext } from '../../common/auth/actor';
import { inScope, regionScope } from '../../common/auth/region-scope';
import { DomainError, ErrorKind } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuditService } from '../audit/audit.service';
import { certificateStatus, type PublicCertificate } from './certificate-status';
import { type CasePaper, CertificatesRepository } from './certificates.repository';
import type { PaperLanguage } from './dto/paper.dto';
import { renderCertificate } from './pdf/certificate-pdf';
import { renderDecisionLetter } from './pdf/decision-letter-pdf';
import type { DecisionKind } from './pdf/labels';

/** A certificate number as issued; anything else is unknown without asking the database. */
const CERTIFICATE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** The decision a case's status records; null while there is none. */
const DECISION_BY_STATUS: Partial<Record<ApplicationStatus, DecisionKind>> = {
  approved: 'approval',
  // An expired status was granted: the approval is still the decision on paper.
  expired: 'approval',
  naturalised: 'approval',
  rejected: 'rejection',
  acceptance_refused: 'refusal_to_accept',
  revoked: 'revocation',
};

export interface PaperFile {
  fileName: string;
  pdf: Buffer;
}

/** Decisions on paper (certificate, decision letter) and the public certificate check. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What anyone may learn from a certificate number, or null for an unknown one. */
  async verify(number: string): Promise<PublicCertificate | null> {
    if (!CERTIFICATE_NUMBER.test(number)) return null;
    const found = await this.certificates.findForCheck(number);
    if (!found) return null;
    return {
      number: found.number,
      status: certificateStatus(found, found.caseStatus, todayInKazakhstan()),
      holderInitials: found.holderInitials,
      validFrom: found.validFrom,
      validTo: found.validTo,
      issuedOn: found.issuedOn,
    };
  }

  async certificatePdf(ctx: AuthedContext, applicationId: number, lang: PaperLanguage): Promise<PaperFile> {
    const paper = await this.findInScope(ctx, applicationId);
    const certificate = paper.certificate;
    if (!certificate) throw DomainError.notFound('certificate');
    const verifyUrl = `${this.config.publicBaseUrl}/verify/${encodeURIComponent(certificate.number)}`;
    const status = certificateStatus(certificate, paper.application.status, todayInKazakhstan());
    const pdf = await renderCertificate({ ...paper, certificate }, lang, verifyUrl, status);
    await this.audit.recordAlone(ctx, {
      action: 'certificate.download',
      entityType: 'certificate',
      entityId: certificate.id,
      regionId: paper.application.regionId,
      changes: {
        number: { before: null, after: certificate.number },
        lang: { before: null, after: lang },
        personIds: { before: null, after: personIdsOn(paper) },
      },
    });
    return { fileName: `certificate-${certificate.number}-${lang}.pdf`, pdf };
  }

  async decisionLetterPdf(ctx: AuthedContext, applicationId: number, lang: PaperLanguage): Promise<PaperFile> {
    const paper = await this.findInScope(ctx, applicationId);
    const kind = DECISION_BY_STATUS[paper.application.status];
    if (!kind) throw DomainError.notFound('decision');
    const pdf = await renderDecisionLetter(paper, kind, lang);
    await this.audit.recordAlone(ctx, {
      action: 'decision_letter.download',
      entityType: 'application',
      entityId: applicationId,
      regionId: paper.application.regionId,
      changes: {
        decision: { before: null, after: kind },
        lang: { before: null, after: lang },
        personIds: { before: null, after: personIdsOn(paper) },
      },
    });
    return { fileName: `decision-${paper.application.number ?? applicationId}-${lang}.pdf`, pdf };
  }

  /**
   * A case of the caller's region (applications: show); any other answers 404. Papers
   * print every member in full, so a case holding a person the caller may not read
   * (of another region) is printed by nationwide staff only.
   */
  private async findInScope(ctx: AuthedContext, applicationId: number): Promise<CasePaper> {
    const scope = regionScope(ctx.actor, 'applications', 'show');
    const paper = await this.certificates.findCasePaper(applicationId);
    if (!paper || !inScope(scope, paper.application.regionId)) throw DomainError.notFound('application');
    const personScope = regionScope(ctx.actor, 'persons', 'show');
    if ([paper.applicant, ...paper.members].some((p) => !inScope(personScope, p.regionId))) {
      throw new DomainError(ErrorKind.Forbidden, 'application.paper_restricted_member');
    }
    return paper;
  }
}

/** Everyone a paper of the case prints: its audit entry names them. */
const personIdsOn = (paper: CasePaper): number[] => [paper.applicant.id, ...paper.members.map((m) => m.id)];
