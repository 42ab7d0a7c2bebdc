import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { CaseQueries } from './case.queries';
import { CasesController } from './cases.controller';

@Module({
  imports: [ApplicationModule],
  controllers: [CasesController],
  providers: [CaseQueries],
})
export class CasesApiModule {}
