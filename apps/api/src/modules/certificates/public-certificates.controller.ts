import { Controller, Get, Header, Param, Res, UseGuards } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { DomainError } from '../../common/errors/domain-error';
import type { PublicCertificate } from './certificate-status';
import { CertificatesService } from './certificates.service';
import { PublicRateLimitGuard } from '../../common/security/public-rate-limit.guard';
import { renderVerifyPage } from './verify-page';

/** The public certificate check (no login): JSON under /api. */
@ApiTags('public')
@Controller('public/certificates')
export class PublicCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** `{ number, status, holderInitials, validFrom, validTo, issuedOn }`; 404 for an unknown number. */
  @Get(':number')
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @Header('Cache-Control', 'no-store')
  async check(@Param('number') number: string): Promise<PublicCertificate> {
    const certificate = await this.certificates.verify(number);
    if (!certificate) throw DomainError.notFound('certificate');
    return certificate;
  }
}

/** The page a certificate's QR code opens: `/verify/<number>`, outside the /api prefix. */
@ApiTags('public')
@Controller('verify')
export class VerifyPageController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':number')
  @Public()
  @UseGuards(PublicRateLimitGuard)
  @ApiProduces('text/html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async page(@Param('number') number: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const certificate = await this.certificates.verify(number);
    if (!certificate) void reply.status(404);
    return renderVerifyPage(number, certificate);
  }
}

/** Paths the global /api prefix leaves alone (server.ts). */
export const UNPREFIXED_ROUTES = ['verify/:number'];
