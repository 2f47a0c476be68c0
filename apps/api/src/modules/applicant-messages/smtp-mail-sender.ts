import { createTransport, type Transporter } from 'nodemailer';
import type { MailSender, OutgoingMail, SendOutcome } from './message-senders';

/** nodemailer's error on an SMTP refusal carries the server's reply code. */
interface SmtpError {
  responseCode?: number;
}

/** E-mail over SMTP (SMTP_URL, MAIL_FROM) with nodemailer: a connection per message, as a run sends few. */
export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<SendOutcome> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Content-Language': mail.language },
      });
      return { sent: true };
    } catch (error) {
      const status = (error as SmtpError).responseCode;
      if (typeof status === 'number' && status >= 500) {
        return { sent: false, permanent: true, code: 'applicant_message.smtp_permanent', params: { status } };
      }
      if (typeof status === 'number') {
        return { sent: false, permanent: false, code: 'applicant_message.smtp_temporary', params: { status } };
      }
      return { sent: false, permanent: false, code: 'applicant_message.unreachable', params: {} };
    }
  }

  close(): void {
    this.transport.close();
  }
}
