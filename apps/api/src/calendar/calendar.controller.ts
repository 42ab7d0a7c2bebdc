import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AnyAuthenticated, CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import {
  CalendarReadinessDto,
  DueDateDto,
  DueDateQueryDto,
  dueDateView,
  HolidayYearDto,
  HolidayYearListDto,
  HolidayYearViewDto,
  YearParams,
} from './calendar.schemas';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('years')
  @AnyAuthenticated()
  @Endpoint({ summary: 'Loaded holiday years with their State Council notice numbers', response: HolidayYearListDto })
  async years() {
    return { items: await this.calendar.listYears() };
  }

  @Get('readiness')
  @Roles(Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN, Role.AGENCY_HEAD)
  @Endpoint({
    summary:
      'Whether deadlines can be computed: loaded years, this and next year, and open tasks waiting for a missing year',
    response: CalendarReadinessDto,
    errors: [403],
  })
  readiness(@CurrentActor() actor: Actor) {
    return this.calendar.readiness(actor);
  }

  @Get('years/:year')
  @AnyAuthenticated()
  @Endpoint({
    summary: "One year's holidays and make-up working days (404 if the year is not loaded)",
    response: HolidayYearViewDto,
    errors: [400, 404],
  })
  year(@Param() { year }: YearParams) {
    return this.calendar.getYear(year);
  }

  @Put('years/:year')
  @Roles(Role.SYSTEM_ADMIN)
  @Endpoint({
    summary: "Load or correct a year's holiday notice (administrators; recorded with the notice before and after)",
    response: HolidayYearViewDto,
    errors: [400, 403, 413, 415, 422],
  })
  putYear(
    @CurrentActor() actor: Actor,
    @Param() { year }: YearParams,
    @Body() body: HolidayYearDto,
    @RequestId() requestId?: string,
  ) {
    return this.calendar.putYear({ year, ...body }, actor, requestId);
  }

  @Get('due-date')
  @AnyAuthenticated()
  @Endpoint({
    summary:
      'Due date of a statutory period (working days per 行政处罚法 Art.85; calendar days with the next-working-day rule)',
    response: DueDateDto,
    errors: [400, 422],
  })
  async dueDate(@Query() query: DueDateQueryDto) {
    return dueDateView(
      query,
      await this.calendar.dueDate({ startDate: query.start, unit: query.unit, amount: query.amount }),
    );
  }
}
