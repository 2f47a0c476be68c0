import QRCode from 'qrcode';
import type { CertificateStatus } from '../certificate-status';
import type { CasePaper } from '../certificates.repository';
import type { PaperLanguage } from '../dto/paper.dto';
import { fullName, latinName, PAPER_LABELS, paperDate } from './labels';
import { createPaper, field, FONT, heading, rule } from './pdf-document';

const QR_SIZE = 120;

/** The kandas certificate («қандас куәлігі») of an approved case, with a QR code to its public check. */
export async function renderCertificate(
  paper: CasePaper & { certificate: NonNullable<CasePaper['certificate']> },
  lang: PaperLanguage,
  verifyUrl: string,
  status: CertificateStatus,
): Promise<Buffer> {
  const t = PAPER_LABELS[lang];
  const { certificate, applicant, region } = paper;
  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 6 });
  const { doc, done } = createPaper({
    title: `${t.certificateTitle} ${certificate.number}`,
    subject: t.certificateTitle,
    keywords: `${certificate.number} ${paper.application.number ?? ''}`.trim(),
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font(FONT.regular).fontSize(10).fillColor('#333333').text(t.country, { align: 'center' });
  doc.moveDown(0.6);
  heading(doc, t.certificateTitle, 22);
  doc.font(FONT.bold).fontSize(14).text(`№ ${certificate.number}`, { align: 'center' });
  doc.moveDown(0.4);
  rule(doc);

  field(doc, t.fullName, fullName(applicant), width);
  field(doc, t.latinName, latinName(applicant), width);
  field(doc, t.birthDate, paperDate(applicant.birthDate), width);
  field(doc, t.validity, t.period(paperDate(certificate.validFrom), paperDate(certificate.validTo)), width);
  field(doc, t.issuingRegion, lang === 'kk' ? region.nameKk : region.nameRu, width);
  field(doc, t.issuedOn, paperDate(certificate.issuedOn), width);
  if (paper.application.number) field(doc, t.applicationNumber, paper.application.number, width);

  doc.moveDown(0.3);
  doc.font(FONT.bold).fontSize(11).fillColor('#000000').text(t.familyMembers);
  doc.moveDown(0.2);
  if (paper.members.length === 0) doc.font(FONT.regular).fontSize(11).text(t.noFamilyMembers);
  paper.members.forEach((member, index) => {
    doc
      .font(FONT.regular)
      .fontSize(11)
      .text(
        `${index + 1}. ${fullName(member)} (${latinName(member)}), ${paperDate(member.birthDate)} — ${t.relation[member.relation]}`,
        { width },
      );
  });

  if (status !== 'valid') {
    doc.moveDown(0.8);
    doc.font(FONT.bold).fontSize(14).fillColor('#b00020').text(t.certificateStatus[status], { align: 'center' });
    doc.fillColor('#000000');
  }

  // The QR code and the link it encodes, at the foot of the page.
  const top = Math.max(doc.y + 16, doc.page.height - doc.page.margins.bottom - QR_SIZE);
  if (top + QR_SIZE > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = Math.min(top, doc.page.height - doc.page.margins.bottom - QR_SIZE);
  const x = doc.page.margins.left;
  doc.image(qr, x, y, { width: QR_SIZE, height: QR_SIZE });
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor('#333333')
    .text(t.verifyCaption, x + QR_SIZE + 16, y + 30, { width: width - QR_SIZE - 16 })
    .fillColor('#0645ad')
    .text(verifyUrl, { width: width - QR_SIZE - 16, link: verifyUrl });

  doc.end();
  return done;
}
