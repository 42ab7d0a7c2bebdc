import { Module } from '@nestjs/common';
import { CoreModule } from '../core.module';
import { DocumentRepository, EnforcementRepository } from '@safety/persistence';
import { DocumentService } from '../documents/document.service';
import { ArchiveService } from './archive.service';
import { DisclosureService } from './disclosure.service';
import { PenaltyCaseService } from './penalty-case.service';
import { PenaltyPolicyService } from './penalty-policy.service';
import { LegalReviewCatalogueService } from './legal-review-catalogue.service';

const own = [
  EnforcementRepository,
  DocumentRepository,
  DocumentService,
  PenaltyPolicyService,
  LegalReviewCatalogueService,
  DisclosureService,
  ArchiveService,
  PenaltyCaseService,
];

/** Penalty general procedure, documents, disclosure and archive services. */
@Module({ imports: [CoreModule], providers: own, exports: own })
export class EnforcementModule {}
