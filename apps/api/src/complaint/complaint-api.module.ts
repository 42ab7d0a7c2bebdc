import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { ComplaintGateway } from './complaint.gateway';
import {
  ComplaintsController,
  PublicComplaintDepartmentsController,
  PublicComplaintsController,
} from './complaints.controller';

/** HTTP side of complaints and tip-offs (投诉举报, 12350). */
@Module({
  imports: [ApplicationModule],
  controllers: [PublicComplaintsController, PublicComplaintDepartmentsController, ComplaintsController],
  providers: [ComplaintGateway],
})
export class ComplaintApiModule {}
