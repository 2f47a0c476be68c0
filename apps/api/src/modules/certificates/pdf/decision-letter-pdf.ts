import type { CasePaper } from '../certificates.repository';
import type { PaperLanguage } from '../dto/paper.dto';
import { type DecisionKind, fullName, latinName, PAPER_LABELS, paperDate } from './labels';
import { createPaper, field, FONT, heading, rule } from './pdf-document';

/** The decision on a case: approval with its validity, or a refusal with its legal ground and comment. */
export async function renderDecisionLetter(paper: CasePaper, kind: DecisionKind, lang: PaperLanguage): Promise<Buffer> {
  const t = PAPER_LABELS[lang];
  const { application, applicant, region } = paper;
  const caseNumber = application.number ?? `#${application.id}`;
  const { doc, done } = createPaper({
    title: `${t.decisionTitle[kind]} ${caseNumber}`,
    subject: t.decisionTitle[kind],
    keywords: caseNumber,
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const name = (names: { nameKk: string; nameRu: string }) => (lang === 'kk' ? names.nameKk : names.nameRu);

  doc.font(FONT.regular).fontSize(10).fillColor('#333333').text(t.country, { align: 'center' });
  doc.text(name(region), { align: 'center' });
  doc.moveDown(0.8);
  heading(doc, t.decisionTitle[kind], 16);
  doc.moveDown(0.4);
  rule(doc);

  field(doc, t.applicationNumber, caseNumber, width);
  field(doc, t.applicant, `${fullName(applicant)} (${latinName(applicant)}), ${paperDate(applicant.birthDate)}`, width);
  field(doc, t.region, name(region), width);
  if (application.submittedOn) field(doc, t.submittedOn, paperDate(application.submittedOn), width);
  field(doc, t.decidedOn, paperDate(application.decidedOn ?? paper.certificate?.issuedOn ?? null), width);

  doc.moveDown(0.4);
  const text = kind === 'approval' && paper.members.length > 0 ? t.approvalWithFamily : t.decisionText[kind];
  doc.font(FONT.bold).fontSize(12).fillColor('#000000').text(text, { width });
  doc.moveDown(0.6);

  if (kind === 'approval') {
    const from = paper.certificate?.validFrom ?? application.statusValidFrom;
    const to = paper.certificate?.validTo ?? application.statusValidTo;
    field(doc, t.validity, t.period(paperDate(from), paperDate(to)), width);
    if (paper.certificate) field(doc, t.certificateNumber, paper.certificate.number, width);
    if (paper.members.length > 0) {
      doc.font(FONT.bold).fontSize(11).text(t.familyMembers);
      doc.moveDown(0.2);
      paper.members.forEach((member, index) => {
        doc
          .font(FONT.regular)
          .fontSize(11)
          .text(`${index + 1}. ${fullName(member)}, ${paperDate(member.birthDate)} — ${t.relation[member.relation]}`, {
            width,
          });
      });
      doc.moveDown(0.5);
    }
  } else {
    const ground = paper.legalGround;
    field(doc, t.legalGround, ground ? `${name(ground)} (${ground.code})` : '—', width);
  }
  if (application.decisionComment) field(doc, t.comment, application.decisionComment, width);

  doc.moveDown(1);
  if (kind !== 'approval') doc.font(FONT.regular).fontSize(10).fillColor('#333333').text(t.appeal, { width });
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(8).fillColor('#777777').text(t.generatedBy, { width });

  doc.end();
  return done;
}
