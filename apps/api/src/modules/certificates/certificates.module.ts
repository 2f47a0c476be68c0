import { Module } from '@nestjs/common';
import { CertificatesController } from './certificates.controller';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { PublicCertificatesController, VerifyPageController } from './public-certificates.controller';

/** The kandas certificate and decision letter as PDF, and their public verification. */
@Module({
  controllers: [CertificatesController, PublicCertificatesController, VerifyPageController],
  providers: [CertificatesService, CertificatesRepository],
})
export class CertificatesModule {}
