import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { EnforcementConfigController } from './configuration.controller';
import { CreditController, PublicDisclosureController } from './disclosure.controller';
import { FileReviewController } from './file-review.controller';
import { CaseDocumentsController, PenaltyCaseController } from './penalty.controller';
import { PenaltyWorkflowGateway } from './penalty-workflow.gateway';
import { PenaltyQueries } from './penalty.queries';

/** HTTP surface of the penalty general procedure, documents, disclosure, credit and case-file review. */
@Module({
  imports: [ApplicationModule],
  controllers: [
    PenaltyCaseController,
    CaseDocumentsController,
    EnforcementConfigController,
    PublicDisclosureController,
    CreditController,
    FileReviewController,
  ],
  providers: [PenaltyWorkflowGateway, PenaltyQueries],
  // Criminal transfers proposed from a penalty case over POST /criminal-transfers go through it.
  exports: [PenaltyWorkflowGateway],
})
export class EnforcementApiModule {}
