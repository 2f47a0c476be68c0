import { escapeHtml } from '../../common/html';
import { renderVerifyPage } from './verify-page';

const CERTIFICATE = {
  number: 'QK-2026-7F3K9QX2',
  status: 'valid' as const,
  holderInitials: 'Н. С.',
  validFrom: '2026-03-20',
  validTo: '2027-03-19',
  issuedOn: '2026-03-20',
};

describe('renderVerifyPage', () => {
  it('says the verdict in Kazakh, Russian and English with the initials and dates', () => {
    const html = renderVerifyPage(CERTIFICATE.number, CERTIFICATE);
    expect(html).toContain('Куәлік жарамды');
    expect(html).toContain('Удостоверение действительно');
    expect(html).toContain('The certificate is valid');
    expect(html).toContain('Н. С.');
    expect(html).toContain('20.03.2026 – 19.03.2027');
    expect(html).not.toMatch(/<script|\son\w+=/i);
  });

  it('escapes what it shows', () => {
    const html = renderVerifyPage('<img src=x onerror=alert(1)>', null);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('Мұндай нөмірлі куәлік табылмады.');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
